/**
 * Sets every entry time in a ZIP archive (an .xlsx is one) to a fixed value. exceljs 4.4 zips
 * with JSZip, which stamps each entry with the write time, so without this every regeneration
 * changes the bytes of otherwise identical workbooks.
 */

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_FILE_HEADER = 0x04034b50;
/** The end record is 22 bytes plus a comment of at most 65,535 bytes. */
const MAX_END_RECORD_SEARCH = 22 + 0xffff;

/** Encodes a date as MS-DOS time and date words, the form ZIP headers use (2-second precision). */
function toDosDateTime(date: Date): { time: number; day: number } {
  const time =
    (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | Math.floor(date.getUTCSeconds() / 2);
  const day = ((date.getUTCFullYear() - 1980) << 9) | ((date.getUTCMonth() + 1) << 5) | date.getUTCDate();
  return { time, day };
}

function findEndRecord(zip: Buffer): number {
  const lowest = Math.max(0, zip.length - MAX_END_RECORD_SEARCH);
  for (let offset = zip.length - 22; offset >= lowest; offset--) {
    if (zip.readUInt32LE(offset) === END_OF_CENTRAL_DIRECTORY) {
      return offset;
    }
  }
  throw new Error('Not a ZIP archive: no end-of-central-directory record found.');
}

/**
 * Rewrites, in place, the modification time of every central-directory entry and of the local
 * header it points to. CRCs cover only the entry data, so they stay valid. Returns `zip`.
 */
export function setZipEntryTimes(zip: Buffer, date: Date): Buffer {
  const { time, day } = toDosDateTime(date);
  const endRecord = findEndRecord(zip);
  const entryCount = zip.readUInt16LE(endRecord + 10);
  let offset = zip.readUInt32LE(endRecord + 16);

  for (let entry = 0; entry < entryCount; entry++) {
    if (zip.readUInt32LE(offset) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new Error(`ZIP central directory entry ${entry} at byte ${offset} has a wrong signature.`);
    }
    zip.writeUInt16LE(time, offset + 12);
    zip.writeUInt16LE(day, offset + 14);

    const localHeader = zip.readUInt32LE(offset + 42);
    if (zip.readUInt32LE(localHeader) !== LOCAL_FILE_HEADER) {
      throw new Error(`ZIP local header of entry ${entry} at byte ${localHeader} has a wrong signature.`);
    }
    zip.writeUInt16LE(time, localHeader + 10);
    zip.writeUInt16LE(day, localHeader + 12);

    const nameLength = zip.readUInt16LE(offset + 28);
    const extraLength = zip.readUInt16LE(offset + 30);
    const commentLength = zip.readUInt16LE(offset + 32);
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return zip;
}
