/**
 * Reporters shared by both test configs: the usual console output, plus a JSON file per
 * suite from which .ci/run prints one plain "N passed, N failed" line.
 */
export function reporters(suite: string): (string | [string, Record<string, unknown>])[] {
  return ['default', ['json', { outputFile: `test-results/${suite}.json` }]];
}
