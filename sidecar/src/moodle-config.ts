/**
 * Reads the database settings from a Moodle site's config.php, so that an
 * installer configures the database in one place. It does not run PHP: it
 * reads the plain assignments Moodle's installer writes ($CFG->dbhost = '…';
 * and the $CFG->dboptions array) and refuses, with a message saying which
 * setting, anything it cannot read for certain (getenv() calls, constants,
 * interpolated strings).
 */

export interface MoodleDatabaseSettings {
  dbtype: string;
  host: string;
  port: number;
  socketPath?: string;
  name: string;
  user: string;
  password: string;
  prefix: string;
}

export class MoodleConfigError extends Error {
  override name = 'MoodleConfigError';
}

type Literal = string | number | boolean | null | { [key: string]: Literal };

/** Reads one PHP literal at `text[start]`; returns it and where it ends. */
function readLiteral(text: string, start: number): { value: Literal; end: number } | null {
  let i = start;
  while (/\s/.test(text[i] ?? '')) i++;
  const rest = text.slice(i);
  let match: RegExpExecArray | null;
  if ((match = /^'((?:[^'\\]|\\.)*)'/s.exec(rest))) {
    return { value: match[1]!.replace(/\\(['\\])/g, '$1'), end: i + match[0].length };
  }
  if ((match = /^"((?:[^"\\$]|\\.)*)"/s.exec(rest))) {
    const escapes: Record<string, string> = { n: '\n', t: '\t', r: '\r', '"': '"', '\\': '\\', $: '$' };
    return { value: match[1]!.replace(/\\(.)/g, (whole, c: string) => escapes[c] ?? whole), end: i + match[0].length };
  }
  if ((match = /^-?\d+(?![\w.])/.exec(rest))) return { value: Number(match[0]), end: i + match[0].length };
  if ((match = /^(true|false|null)\b/i.exec(rest))) {
    const word = match[1]!.toLowerCase();
    return { value: word === 'null' ? null : word === 'true', end: i + match[0].length };
  }
  if ((match = /^(array\s*\(|\[)/i.exec(rest))) {
    const close = match[0].endsWith('(') ? ')' : ']';
    let j = i + match[0].length;
    const result: { [key: string]: Literal } = {};
    for (;;) {
      while (/[\s,]/.test(text[j] ?? '')) j++;
      if (text[j] === close) return { value: result, end: j + 1 };
      const key = readLiteral(text, j);
      if (!key || (typeof key.value !== 'string' && typeof key.value !== 'number')) return null;
      j = key.end;
      while (/\s/.test(text[j] ?? '')) j++;
      if (text.slice(j, j + 2) !== '=>') return null;
      const value = readLiteral(text, j + 2);
      if (!value) return null;
      result[String(key.value)] = value.value;
      j = value.end;
    }
  }
  return null;
}

/** The $CFG settings the file assigns with a literal, and the names of those it assigns otherwise. */
function readAssignments(php: string): { values: Map<string, Literal>; unreadable: Set<string> } {
  // Comments out, so that commented-out settings are not read.
  const code = php.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"])(\/\/|#)(?!\[).*$/gm, '$1');
  const values = new Map<string, Literal>();
  const unreadable = new Set<string>();
  for (const match of code.matchAll(/\$CFG->(\w+)\s*=(?!=)/g)) {
    const name = match[1]!;
    const literal = readLiteral(code, match.index + match[0].length);
    const after = literal ? code.slice(literal.end).match(/^\s*;/) : null;
    if (literal && after) {
      values.set(name, literal.value);
      unreadable.delete(name);
    } else {
      unreadable.add(name);
      values.delete(name);
    }
  }
  return { values, unreadable };
}

const MYSQL_FAMILY = new Set(['mysqli', 'mariadb', 'auroramysql']);

export function parseMoodleConfig(php: string): MoodleDatabaseSettings {
  if (!/\$CFG\s*=/.test(php) && !/\$CFG->/.test(php)) throw new MoodleConfigError('it does not look like a Moodle config.php (no $CFG settings)');
  const { values, unreadable } = readAssignments(php);
  const text = (name: string, required: boolean): string | undefined => {
    if (unreadable.has(name)) throw new MoodleConfigError(`$CFG->${name} is not a plain value that can be read without running PHP; set it through the LETTERING_ variables instead`);
    const value = values.get(name);
    if (value === undefined || value === null) {
      if (required) throw new MoodleConfigError(`$CFG->${name} is not set`);
      return undefined;
    }
    if (typeof value === 'object') throw new MoodleConfigError(`$CFG->${name} should be a text`);
    return String(value);
  };
  const dbtype = text('dbtype', true)!;
  if (!MYSQL_FAMILY.has(dbtype)) throw new MoodleConfigError(`$CFG->dbtype is '${dbtype}': the lettering service supports MySQL and MariaDB (mysqli, mariadb, auroramysql)`);
  if (unreadable.has('dboptions')) throw new MoodleConfigError('$CFG->dboptions is not a plain array that can be read without running PHP; set the database through LETTERING_DATABASE_URL instead');
  const options = values.get('dboptions');
  const dboptions = options && typeof options === 'object' ? options : {};
  const portValue = dboptions.dbport;
  let port = 3306;
  if (portValue !== undefined && portValue !== null && portValue !== '') {
    port = Number(portValue);
    if (!Number.isInteger(port) || port < 1 || port > 65535) throw new MoodleConfigError(`$CFG->dboptions['dbport'] is not a port number`);
  }
  const socket = dboptions.dbsocket;
  let host = text('dbhost', true)!;
  let socketPath: string | undefined;
  if (typeof socket === 'string' && socket.startsWith('/')) socketPath = socket;
  else if (host.startsWith('/')) socketPath = host;
  // Moodle accepts "host:port" in dbhost too.
  const hostPort = /^([^:/]+):(\d+)$/.exec(host);
  if (hostPort) {
    host = hostPort[1]!;
    port = Number(hostPort[2]);
  }
  return {
    dbtype,
    host: host === 'localhost' && !socketPath ? '127.0.0.1' : host,
    port,
    socketPath,
    name: text('dbname', true)!,
    user: text('dbuser', true)!,
    password: text('dbpass', false) ?? '',
    prefix: text('prefix', false) ?? 'mdl_',
  };
}
