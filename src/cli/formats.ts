// The output formats of each command, known before the command's code is loaded.

export const ANALYZE_FORMATS = ['json', 'ndjson', 'csv', 'sarif'] as const;
export type AnalyzeFormat = (typeof ANALYZE_FORMATS)[number];

export const COMPARE_FORMATS = ['markdown', 'json'] as const;
export type CompareFormat = (typeof COMPARE_FORMATS)[number];
