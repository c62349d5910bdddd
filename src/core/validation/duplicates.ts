/**
 * Duplicate handling across valid rows with the same key (identifier + warehouse + date). Equal
 * lines are sent once, from the first row. Conflicting quantities stop every row of the key,
 * because no rule can decide which quantity is right.
 */

import type { InventoryItem, ValidatedRow } from '../../shared/types';
import { describeSku } from './describe-sku';
import { rowMessages } from './messages';

export function markDuplicates(rows: ValidatedRow[], quantityHeader: string): void {
  const firstByKey = new Map<string, number>();
  let groups: Map<string, number[]> | undefined;

  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (row.outcome !== 'valid' || row.key === undefined) continue;
    const first = firstByKey.get(row.key);
    if (first === undefined) {
      firstByKey.set(row.key, i);
      continue;
    }
    groups ??= new Map();
    const group = groups.get(row.key);
    if (group === undefined) groups.set(row.key, [first, i]);
    else group.push(i);
  }
  if (groups === undefined) return;

  for (const indexes of groups.values()) {
    const group = indexes.map((index) => rows[index]!);
    if (group.every((row) => sameLine(row.item!, group[0]!.item!))) markSent(group);
    else markConflict(group, quantityHeader);
  }
}

function sameLine(a: InventoryItem, b: InventoryItem): boolean {
  return a.inventory === b.inventory && a.made_to_order === b.made_to_order;
}

function markSent(group: ValidatedRow[]): void {
  const sent = group[0]!;
  const sku = describeSku(sent.item!);
  for (const row of group.slice(1)) {
    row.outcome = 'duplicate';
    row.duplicateOf = sent.row;
    const message = rowMessages.duplicateSameValue(row.row, sent.row, sku);
    row.issues = [...row.issues, { severity: 'warning', code: 'DUPLICATE_SAME_VALUE', value: '', message }];
  }
}

function markConflict(group: ValidatedRow[], quantityHeader: string): void {
  const item = group[0]!.item!;
  const sku = describeSku(item);
  const quantities = group.map((row) => describeQuantity(row.item!));
  group.forEach((row, position) => {
    const others: string[] = [];
    group.forEach((other, otherPosition) => {
      if (otherPosition !== position) others.push(`${other.row} (${quantities[otherPosition]})`);
    });
    const quantity = quantities[position]!;
    const message = rowMessages.duplicateConflict(
      row.row,
      quantityHeader,
      quantity,
      others,
      sku,
      item.warehouse ?? '',
      item.inventory_date ?? '',
    );
    row.outcome = 'invalid';
    row.issues = [
      ...row.issues,
      {
        severity: 'error',
        code: 'DUPLICATE_CONFLICT',
        field: 'quantity',
        column: quantityHeader,
        value: quantity,
        message,
      },
    ];
    delete row.item;
  });
}

function describeQuantity(item: InventoryItem): string {
  return item.made_to_order === undefined
    ? String(item.inventory)
    : `${item.inventory}, made to order ${item.made_to_order ? 'yes' : 'no'}`;
}
