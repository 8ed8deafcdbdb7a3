export {};

// Whole-tab renders and simulator round trips outgrow jest's 5 s default on a
// busy 2-core machine (CI runs the suites in parallel); no test asserts time.
jest.setTimeout(30_000);
