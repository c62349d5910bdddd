/** Issue summaries by kind, with the first rows of each kind, for the sidebar and the CLI. */

import type { IssueGroupDto } from '../../shared/api';
import { ISSUE_TITLES } from './messages';
import type { ValidationResult } from './types';

/**
 * Groups every row issue by code and severity, errors first and then by count. Each example
 * carries the 1-based row and column of the cell to select.
 */
export function groupIssues(result: ValidationResult, examplesPerGroup: number): IssueGroupDto[] {
  const columnByField = new Map<string, number>();
  const columnByHeader = new Map<string, number>();
  for (const info of result.columns) {
    if (info.field !== undefined) columnByField.set(info.field, info.column);
    if (!columnByHeader.has(info.header)) columnByHeader.set(info.header, info.column);
  }

  const groups = new Map<string, IssueGroupDto>();
  for (const row of result.rows) {
    for (const issue of row.issues) {
      const groupKey = `${issue.severity}:${issue.code}`;
      let group = groups.get(groupKey);
      if (group === undefined) {
        const title = ISSUE_TITLES[issue.code] ?? issue.code;
        group = { code: issue.code, severity: issue.severity, title, count: 0, examples: [] };
        groups.set(groupKey, group);
      }
      group.count++;
      if (group.examples.length < examplesPerGroup) {
        const column =
          (issue.field !== undefined ? columnByField.get(issue.field) : undefined) ??
          (issue.column !== undefined ? columnByHeader.get(issue.column) : undefined) ??
          1;
        group.examples.push({ row: row.row, column, message: issue.message });
      }
    }
  }

  return [...groups.values()].sort(compareGroups);
}

/** Orders errors before warnings, then larger groups first. */
function compareGroups(a: IssueGroupDto, b: IssueGroupDto): number {
  if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
  return b.count - a.count;
}
