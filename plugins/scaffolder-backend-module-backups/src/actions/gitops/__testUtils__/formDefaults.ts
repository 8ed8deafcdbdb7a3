/**
 * The values a template's form starts with: each parameter's default, as the
 * scaffolder's form fills them in before the user changes anything.
 */
export function formDefaults(template: {
  spec: { parameters: Array<{ properties: Record<string, any> }> };
}): Record<string, string> {
  return Object.fromEntries(
    template.spec.parameters
      .flatMap(page => Object.entries(page.properties))
      .filter(([, p]) => p.default !== undefined)
      .map(([name, p]) => [name, p.default]),
  );
}
