import { TestDatabaseId, TestDatabases } from '@backstage/backend-test-utils';

/**
 * The databases the plugin is tested on: SQLite, and the PostgreSQL the
 * test command starts (scripts/postgres.sh) when it is there.
 */
export function testDatabaseIds(): TestDatabaseId[] {
  const postgres = Object.keys(process.env)
    .map(
      k =>
        k.match(
          /^BACKSTAGE_TEST_DATABASE_POSTGRES(\d+)_CONNECTION_STRING$/,
        )?.[1],
    )
    .filter((v): v is string => Boolean(v))
    .map(v => `POSTGRES_${v}` as TestDatabaseId);
  if (process.env.BACKUPS_REQUIRE_POSTGRES === '1' && postgres.length === 0)
    throw new Error(
      'BACKUPS_REQUIRE_POSTGRES is set, but no PostgreSQL was started',
    );
  return ['SQLITE_3', ...postgres];
}

export function createTestDatabases() {
  return TestDatabases.create({ ids: testDatabaseIds() });
}
