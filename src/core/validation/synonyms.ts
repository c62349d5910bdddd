/**
 * Header synonyms for each field, keyed by the normalised header (see `normalizeHeader`). A lower
 * tier wins over a higher one: "Color Code" feeds the colour code before "Color" or "Color Name",
 * and two columns of the same best tier need a choice from the user.
 */

import type { FieldId } from '../../shared/types';

export interface HeaderSynonym {
  field: FieldId;
  tier: number;
}

/** Header key that means the size in a style sheet but JOOR's size-run code beside JOOR ids. */
export const SIZE_CODE_KEY = 'sizecode';

/** Header key of a column that contains UPCs in some exports and free-form SKUs in others. */
export const STOCK_ITEM_KEY = 'stockitemkey';

const SYNONYM_LIST: ReadonlyArray<readonly [FieldId, number, readonly string[]]> = [
  [
    'upc',
    1,
    [
      'upc',
      'upccode',
      'upcean',
      'eanupc',
      'upca',
      'ean',
      'ean13',
      'ean8',
      'gtin',
      'gtin12',
      'gtin13',
      'gtin14',
    ],
  ],
  ['upc', 1, ['barcode', 'barcode1', 'variantbarcode', 'barcodenumber']],
  ['upc', 2, ['barcode2', STOCK_ITEM_KEY]],
  [
    'style_number',
    1,
    ['style', 'stylenumber', 'styleno', 'stylenum', 'stylenr', 'stylecode', 'itemnumber', 'model'],
  ],
  ['style_identifier', 1, ['styleidentifier', 'styleidentifer']],
  ['color_code', 1, ['colorcode', 'colourcode', 'colorno', 'colourno', 'colornumber', 'colournumber']],
  ['color_code', 2, ['color', 'colour', 'shortcolour', 'shortcolor']],
  ['color_code', 3, ['colorname', 'colourname', 'fullcolour', 'fullcolor', 'option1value']],
  ['size', 1, ['size', 'sizename']],
  ['size', 2, ['option2value']],
  ['style_id', 1, ['styleid', 'joorstyleid']],
  ['style_color_id', 1, ['stylecolorid', 'stylecolourid', 'joorstylecolorid', 'joorstylecolourid']],
  ['size_code', 1, ['joorsizecode']],
  [
    'quantity',
    1,
    [
      'quantity',
      'qty',
      'inventory',
      'ats',
      'qtyavailable',
      'quantityavailable',
      'availableqty',
      'availablequantity',
      'available',
      'onhand',
      'qtyonhand',
      'quantityonhand',
      'stock',
      'stockqty',
      'stockquantity',
      'instockquantity',
      'variantinventoryqty',
      'newquantity',
      'atsqty',
      'units',
    ],
  ],
  ['warehouse', 1, ['warehouse', 'warehousename', 'whse', 'wh', 'location', 'locationname', 'warehousecode']],
  ['warehouse', 2, ['variantlocationcode', 'locationcode']],
  [
    'inventory_date',
    1,
    [
      'inventorydate',
      'date',
      'availabledate',
      'dateavailable',
      'availablefrom',
      'availabilitydate',
      'periodstart',
      'atsdate',
    ],
  ],
  ['made_to_order', 1, ['madetoorder', 'mto']],
  // Common German, French, Spanish and Italian headers from European ERP exports.
  ['upc', 1, ['eancode', 'strichcode', 'codebarre', 'codebarres', 'codigodebarras', 'codiceabarre']],
  ['style_number', 1, ['artikelnummer', 'artikelnr', 'artnr', 'codicearticolo']],
  ['style_number', 2, ['référence', 'reference', 'referencia', 'modèle', 'modele', 'modelo', 'modello']],
  ['color_code', 1, ['farbcode', 'farbnummer', 'codecouleur', 'codigocolor', 'codicecolore']],
  ['color_code', 2, ['farbe', 'couleur', 'colore']],
  ['size', 1, ['größe', 'groesse', 'grösse', 'taille', 'talla', 'taglia']],
  [
    'quantity',
    1,
    [
      'menge',
      'bestand',
      'verfügbar',
      'verfuegbar',
      'quantité',
      'quantite',
      'cantidad',
      'existencias',
      'quantità',
      'quantita',
      'giacenza',
      'disponible',
      'disponibile',
    ],
  ],
  ['warehouse', 1, ['lager', 'lagerort', 'entrepôt', 'entrepot', 'almacén', 'almacen', 'magazzino']],
  [
    'inventory_date',
    1,
    ['datum', 'verfügbarab', 'verfuegbarab', 'datedisponibilité', 'datedisponibilite', 'fecha', 'data'],
  ],
  ['made_to_order', 1, ['aufbestellung', 'surcommande', 'bajopedido', 'suordinazione']],
];

function buildSynonymMap(): Map<string, HeaderSynonym> {
  const map = new Map<string, HeaderSynonym>();
  for (const [field, tier, keys] of SYNONYM_LIST) {
    for (const key of keys) map.set(key, { field, tier });
  }
  // Resolved per sheet: size in a style sheet, size_code beside JOOR ids.
  map.set(SIZE_CODE_KEY, { field: 'size_code', tier: 1 });
  return map;
}

export const SYNONYMS: ReadonlyMap<string, HeaderSynonym> = buildSynonymMap();

/** Header text that is a size name, which means sizes run across columns. */
const SIZE_HEADER =
  /^(?:xxs|xs|s|m|l|xl|xxl|xxxl|[2-6]xl|os|o\/s|one ?size|\d{1,2}(?:[.,]5)?|\d{1,2}(?:t|m|y|w|l)|\d{1,2}-\d{1,2}(?:y|m)?|\d{2}x\d{2})$/i;

export function isSizeHeader(header: string): boolean {
  return SIZE_HEADER.test(header);
}
