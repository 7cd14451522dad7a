import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../sidecar/src/config.js';
import { MoodleConfigError, parseMoodleConfig } from '../../sidecar/src/moodle-config.js';

const INSTALLER_STYLE = `<?php  // Moodle configuration file

unset($CFG);
global $CFG;
$CFG = new stdClass();

$CFG->dbtype    = 'mariadb';
$CFG->dblibrary = 'native';
$CFG->dbhost    = 'db.internal';
$CFG->dbname    = 'moodle';
$CFG->dbuser    = 'moodleuser';
$CFG->dbpass    = 'it\\'s "secret"';
$CFG->prefix    = 'm_';
$CFG->dboptions = array (
  'dbpersist' => 0,
  'dbport' => 3307,
  'dbsocket' => '',
  'dbcollation' => 'utf8mb4_unicode_ci',
);

$CFG->wwwroot   = 'https://moodle.example.org';
$CFG->dataroot  = '/var/moodledata';
$CFG->admin     = 'admin';

$CFG->directorypermissions = 0777;

require_once(__DIR__ . '/lib/setup.php');

// There is no php closing tag in this file,
// it is intentional because it prevents trailing whitespace problems!
`;

describe("reading a Moodle site's config.php", () => {
  it('reads what the installer writes', () => {
    expect(parseMoodleConfig(INSTALLER_STYLE)).toEqual({
      dbtype: 'mariadb',
      host: 'db.internal',
      port: 3307,
      name: 'moodle',
      user: 'moodleuser',
      password: `it's "secret"`,
      prefix: 'm_',
    });
  });

  it('reads short arrays, double quotes, a port as text, host:port, localhost and comments', () => {
    const php = `<?php
      $CFG = new stdClass();
      $CFG->dbtype = "mysqli";
      $CFG->dbhost = "localhost";
      $CFG->dbname = "moodle45";
      $CFG->dbuser = "root";
      // $CFG->dbpass = 'commented out';
      # $CFG->prefix = 'old_';
      /* $CFG->dbname = 'old'; */
      $CFG->dbpass = "p\\$ss";
      $CFG->dboptions = ['dbport' => '3310', 'dbcollation' => 'utf8mb4_unicode_ci'];
      require_once(__DIR__ . '/lib/setup.php');`;
    expect(parseMoodleConfig(php)).toEqual({ dbtype: 'mysqli', host: '127.0.0.1', port: 3310, name: 'moodle45', user: 'root', password: 'p$ss', prefix: 'mdl_' });
    expect(parseMoodleConfig(php.replace('"localhost"', "'db:3399'"))).toMatchObject({ host: 'db', port: 3399 });
  });

  it('uses the socket when the site does', () => {
    const php = INSTALLER_STYLE.replace("'dbsocket' => ''", "'dbsocket' => '/run/mysqld/mysqld.sock'");
    expect(parseMoodleConfig(php)).toMatchObject({ socketPath: '/run/mysqld/mysqld.sock' });
  });

  it('takes the last assignment, as PHP does', () => {
    expect(parseMoodleConfig(`${INSTALLER_STYLE}\n$CFG->dbname = 'moodle_b';`).name).toBe('moodle_b');
  });

  it.each([
    ["$CFG->dbpass = getenv('MOODLE_DB_PASSWORD');", /\$CFG->dbpass is not a plain value/],
    ['$CFG->dbhost = DB_HOST;', /\$CFG->dbhost is not a plain value/],
    ['$CFG->dbname = "moodle_$env";', /\$CFG->dbname is not a plain value/],
    ["$CFG->dboptions = array('dbport' => getenv('PORT'));", /\$CFG->dboptions is not a plain array/],
    ["$CFG->dbtype = 'pgsql';", /supports MySQL and MariaDB/],
    ["$CFG->dboptions = array('dbport' => 'abc');", /dbport'\] is not a port number/],
  ])('refuses what it cannot read for certain: %s', (line, message) => {
    expect(() => parseMoodleConfig(`${INSTALLER_STYLE}\n${line}`)).toThrow(message);
  });

  it('says which setting is missing, and refuses a file that is not a config.php', () => {
    expect(() => parseMoodleConfig(INSTALLER_STYLE.replace(/\$CFG->dbname.*\n/, ''))).toThrow('$CFG->dbname is not set');
    expect(() => parseMoodleConfig('<?php echo "hello";')).toThrow(MoodleConfigError);
  });

  describe('through the configuration', () => {
    const folder = mkdtempSync(join(tmpdir(), 'lettering-config-'));
    const file = join(folder, 'config.php');
    writeFileSync(file, INSTALLER_STYLE);
    const base = { LETTERING_SECRET: 's'.repeat(40), LETTERING_MOODLE_CONFIG: file };

    it('takes the database and prefix from config.php', () => {
      const config = loadConfig(base);
      expect(config.database).toMatchObject({ host: 'db.internal', port: 3307, name: 'moodle', user: 'moodleuser', password: `it's "secret"` });
      expect(config.prefix).toBe('m_');
    });

    it('refuses a second source of database settings', () => {
      expect(() => loadConfig({ ...base, LETTERING_DATABASE_URL: 'mysql://root@127.0.0.1/x' })).toThrow(/LETTERING_DATABASE_URL is set together with LETTERING_MOODLE_CONFIG/);
      expect(() => loadConfig({ ...base, LETTERING_DB_PREFIX: 'x_' })).toThrow(/LETTERING_DB_PREFIX is set together/);
    });

    it('says so in one line when the file is missing or unreadable', () => {
      let message = '';
      try {
        loadConfig({ ...base, LETTERING_MOODLE_CONFIG: join(folder, 'nope.php') });
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        message = (error as Error).message;
      }
      expect(message).toMatch(/^LETTERING_MOODLE_CONFIG is invalid: expected a readable Moodle config\.php \(.*nope\.php: no such file\)$/);
    });

    it('never echoes the password in its messages', () => {
      const broken = join(folder, 'broken.php');
      writeFileSync(broken, INSTALLER_STYLE.replace("'mariadb'", "'sqlsrv'"));
      expect(() => loadConfig({ ...base, LETTERING_MOODLE_CONFIG: broken })).toThrow(/^LETTERING_MOODLE_CONFIG is invalid: .*supports MySQL and MariaDB/);
      try {
        loadConfig({ ...base, LETTERING_MOODLE_CONFIG: broken });
      } catch (error) {
        expect((error as Error).message).not.toContain('secret');
      }
    });
  });
});
