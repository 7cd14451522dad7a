/**
 * Turns the plugin's db/install.xml into MySQL/MariaDB DDL the way Moodle's
 * XMLDB generator for MySQL types the columns, so that the demo database,
 * the tests and the benchmark run against exactly the tables a Moodle site has.
 *
 * It only reads the attributes XMLDB files use; it is not a general XML parser.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const INSTALL_XML = fileURLToPath(
  new URL('../../moodle-plugin/local/shop/db/install.xml', import.meta.url),
);

export interface XmldbField {
  name: string;
  type: 'int' | 'number' | 'float' | 'char' | 'text' | 'binary';
  length?: number;
  decimals?: number;
  notnull: boolean;
  sequence: boolean;
  default?: string;
}

export interface XmldbIndex {
  name: string;
  unique: boolean;
  fields: string[];
}

export interface XmldbTable {
  name: string;
  fields: XmldbField[];
  primary: string[];
  indexes: XmldbIndex[];
}

function attributes(tag: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const match of tag.matchAll(/([A-Z]+)="([^"]*)"/g)) {
    found[match[1]!] = match[2]!.replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  }
  return found;
}

function fieldList(value: string | undefined): string[] {
  return (value ?? '').split(',').map((name) => name.trim()).filter(Boolean);
}

export function parseInstallXml(xml: string): XmldbTable[] {
  const tables: XmldbTable[] = [];
  for (const tableMatch of xml.matchAll(/<TABLE\s([^>]*)>([\s\S]*?)<\/TABLE>/g)) {
    const table: XmldbTable = { name: attributes(tableMatch[1]!).NAME!, fields: [], primary: [], indexes: [] };
    const body = tableMatch[2]!;
    for (const fieldTag of body.matchAll(/<FIELD\s([^>]*)\/>/g)) {
      const a = attributes(fieldTag[1]!);
      table.fields.push({
        name: a.NAME!,
        type: a.TYPE as XmldbField['type'],
        length: a.LENGTH !== undefined && /^\d+$/.test(a.LENGTH) ? Number(a.LENGTH) : undefined,
        decimals: a.DECIMALS !== undefined ? Number(a.DECIMALS) : undefined,
        notnull: a.NOTNULL === 'true',
        sequence: a.SEQUENCE === 'true',
        default: a.DEFAULT,
      });
    }
    for (const keyTag of body.matchAll(/<KEY\s([^>]*)\/>/g)) {
      const a = attributes(keyTag[1]!);
      if (a.TYPE === 'primary') table.primary = fieldList(a.FIELDS);
      else if (a.TYPE === 'unique') table.indexes.push({ name: a.NAME!, unique: true, fields: fieldList(a.FIELDS) });
      // Moodle creates no constraint for foreign keys on MySQL, only an index.
      else table.indexes.push({ name: a.NAME!, unique: false, fields: fieldList(a.FIELDS) });
    }
    for (const indexTag of body.matchAll(/<INDEX\s([^>]*)\/>/g)) {
      const a = attributes(indexTag[1]!);
      table.indexes.push({ name: a.NAME!, unique: a.UNIQUE === 'true', fields: fieldList(a.FIELDS) });
    }
    tables.push(table);
  }
  return tables;
}

/** The column type Moodle's MySQL generator gives an XMLDB field. */
function columnType(field: XmldbField): string {
  switch (field.type) {
    case 'int': {
      const length = field.length ?? 10;
      const base = length > 9 ? 'BIGINT' : length > 6 ? 'INT' : length > 4 ? 'MEDIUMINT' : length > 2 ? 'SMALLINT' : 'TINYINT';
      return `${base}(${length})`;
    }
    case 'number':
      return `DECIMAL(${field.length ?? 10},${field.decimals ?? 0})`;
    case 'float':
      return 'DOUBLE';
    case 'char':
      return `VARCHAR(${field.length ?? 255})`;
    case 'text':
      return 'LONGTEXT';
    case 'binary':
      return 'LONGBLOB';
  }
}

function quoteDefault(field: XmldbField): string {
  const value = field.default!;
  if (field.type === 'char' || field.type === 'text') return `'${value.replace(/'/g, "''")}'`;
  return value;
}

function columnDefinition(field: XmldbField): string {
  let sql = `\`${field.name}\` ${columnType(field)}`;
  sql += field.notnull ? ' NOT NULL' : ' NULL';
  if (field.sequence) sql += ' AUTO_INCREMENT';
  else if (field.default !== undefined && field.type !== 'text' && field.type !== 'binary') {
    sql += ` DEFAULT ${quoteDefault(field)}`;
  }
  return sql;
}

export function createTableSql(table: XmldbTable, prefix: string): string {
  const lines = table.fields.map(columnDefinition);
  if (table.primary.length) lines.push(`PRIMARY KEY (${table.primary.map((f) => `\`${f}\``).join(', ')})`);
  for (const index of table.indexes) {
    const columns = index.fields.map((f) => `\`${f}\``).join(', ');
    lines.push(`${index.unique ? 'UNIQUE ' : ''}KEY \`${prefix}${table.name}_${index.name}\` (${columns})`);
  }
  return (
    `CREATE TABLE IF NOT EXISTS \`${prefix}${table.name}\` (\n  ${lines.join(',\n  ')}\n)` +
    ' ENGINE=InnoDB ROW_FORMAT=DYNAMIC DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci'
  );
}

export interface DdlOptions {
  prefix: string;
  /** Leave out the indexes the plugin adds (ix_lettering_*): upstream's tables as they are. */
  upstreamOnly?: boolean;
}

/** CREATE TABLE statements for every table of the plugin's install.xml. */
export function installDdl(options: DdlOptions, xml = readFileSync(INSTALL_XML, 'utf8')): string[] {
  return parseInstallXml(xml).map((table) =>
    createTableSql(
      options.upstreamOnly
        ? { ...table, indexes: table.indexes.filter((index) => !index.name.startsWith('ix_lettering_')) }
        : table,
      options.prefix,
    ),
  );
}
