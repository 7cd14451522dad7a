<?php
// This file is part of Moodle - https://moodle.org/
//
// Moodle is free software: you can redistribute it and/or modify
// it under the terms of the GNU General Public License as published by
// the Free Software Foundation, either version 3 of the License, or
// (at your option) any later version.
//
// Moodle is distributed in the hope that it will be useful,
// but WITHOUT ANY WARRANTY; without even the implied warranty of
// MERCHANTABILITY or FITNESS FOR A PARTICULAR PURPOSE.  See the
// GNU General Public License for more details.
//
// You should have received a copy of the GNU General Public License
// along with Moodle.  If not, see <https://www.gnu.org/licenses/>.

/**
 * Tests of the upgrade steps over a stand-in of Moodle's database manager.
 *
 * The stand-in finds indexes as Moodle's does (database_manager::find_index_name): by their fields,
 * whatever their name. Every site, whatever version it comes from, must end with the indexes
 * install.xml declares.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

use PHPUnit\Framework\TestCase;

if (!defined('XMLDB_INDEX_UNIQUE')) {
    define('XMLDB_INDEX_UNIQUE', true);
    define('XMLDB_INDEX_NOTUNIQUE', false);
}

if (!class_exists('xmldb_table')) {
    /**
     * Stand-in for Moodle's xmldb_table: a name.
     */
    class xmldb_table {
        /** @var string */
        private $name;

        /**
         * Constructor.
         *
         * @param string $name
         */
        public function __construct(string $name) {
            $this->name = $name;
        }

        /**
         * The table's name.
         *
         * @return string
         */
        public function getName(): string {
            return $this->name;
        }
    }
}

if (!class_exists('xmldb_index')) {
    /**
     * Stand-in for Moodle's xmldb_index: a name, uniqueness and fields.
     */
    class xmldb_index {
        /** @var string */
        private $name;
        /** @var bool */
        private $unique;
        /** @var string[] */
        private $fields;

        /**
         * Constructor.
         *
         * @param string $name
         * @param bool $unique
         * @param string[] $fields
         */
        public function __construct(string $name, bool $unique, array $fields) {
            $this->name = $name;
            $this->unique = $unique;
            $this->fields = $fields;
        }

        /**
         * The index's name in install.xml.
         *
         * @return string
         */
        public function getName(): string {
            return $this->name;
        }

        /**
         * Whether the index is unique.
         *
         * @return bool
         */
        public function getUnique(): bool {
            return $this->unique;
        }

        /**
         * The index's fields.
         *
         * @return string[]
         */
        public function getFields(): array {
            return $this->fields;
        }
    }
}

if (!class_exists('database_manager')) {
    /**
     * Stand-in for Moodle's database_manager over tables held in memory.
     */
    class database_manager {
        /** @var array table name => [index name => fields] */
        public $tables = [];
        /** @var string[] what was done, in order */
        public $log = [];

        /**
         * Whether the table exists.
         *
         * @param xmldb_table $table
         * @return bool
         */
        public function table_exists(xmldb_table $table): bool {
            return isset($this->tables[$table->getName()]);
        }

        /**
         * The name of the index with these fields, as Moodle finds it: by fields, in any order.
         *
         * @param xmldb_table $table
         * @param xmldb_index $index
         * @return string|false
         */
        public function find_index_name(xmldb_table $table, xmldb_index $index) {
            foreach ($this->tables[$table->getName()] as $name => $fields) {
                $wanted = $index->getFields();
                if (!array_merge(array_diff($fields, $wanted), array_diff($wanted, $fields))) {
                    return $name;
                }
            }
            return false;
        }

        /**
         * Whether an index with these fields exists.
         *
         * @param xmldb_table $table
         * @param xmldb_index $index
         * @return bool
         */
        public function index_exists(xmldb_table $table, xmldb_index $index): bool {
            return $this->find_index_name($table, $index) !== false;
        }

        /**
         * Adds the index under a name made from its fields, as Moodle does; fails if it exists.
         *
         * @param xmldb_table $table
         * @param xmldb_index $index
         * @return void
         */
        public function add_index(xmldb_table $table, xmldb_index $index): void {
            if ($this->index_exists($table, $index)) {
                throw new RuntimeException('Index ' . $index->getName() . ' already exists');
            }
            $name = 'mdl_' . str_replace('_', '', substr($table->getName(), 0, 14)) . '_'
                . implode('', array_map(fn($field) => substr($field, 0, 3), $index->getFields())) . '_ix';
            $this->tables[$table->getName()][$name] = $index->getFields();
            $this->log[] = 'add ' . implode(',', $index->getFields());
        }

        /**
         * Drops the index with these fields; fails if there is none.
         *
         * @param xmldb_table $table
         * @param xmldb_index $index
         * @return void
         */
        public function drop_index(xmldb_table $table, xmldb_index $index): void {
            $name = $this->find_index_name($table, $index);
            if ($name === false) {
                throw new RuntimeException('Index ' . $index->getName() . ' does not exist');
            }
            unset($this->tables[$table->getName()][$name]);
            $this->log[] = 'drop ' . implode(',', $index->getFields());
        }
    }
}

if (!function_exists('upgrade_plugin_savepoint')) {
    /**
     * Stand-in for Moodle's upgrade_plugin_savepoint: records the version reached.
     *
     * @param bool $result
     * @param int $version
     * @param string $type
     * @param string $plugin
     * @return void
     */
    function upgrade_plugin_savepoint($result, $version, $type, $plugin) {
        $GLOBALS['local_shop_test_savepoints'][] = $version;
    }
}

require_once(LOCAL_SHOP_ROOT . '/moodle-plugin/local/shop/db/upgrade.php');

/**
 * Upgrade steps of local_shop.
 */
final class upgrade_test extends TestCase {
    /** @var string[] upstream's bill indexes (keys included: Moodle lists them as indexes) */
    private const UPSTREAM_BILL = [
        'mdl_locashopbill_tra_uix' => ['transactionid'],
        'mdl_locashopbill_ord_uix' => ['ordering'],
        'mdl_locashopbill_cus_ix' => ['customerid'],
        'mdl_locashopbill_sho_ix' => ['shopid'],
    ];

    /** @var string[] upstream's customer indexes */
    private const UPSTREAM_CUSTOMER = [
        'mdl_locashopcust_has_ix' => ['hasaccount'],
        'mdl_locashopcust_cou_ix' => ['country'],
    ];

    /**
     * The fields of every index install.xml declares, per table.
     *
     * @return array table name => list of field lists
     */
    private function declared(): array {
        $xml = simplexml_load_file(LOCAL_SHOP_ROOT . '/moodle-plugin/local/shop/db/install.xml');
        $tables = [];
        foreach ($xml->TABLES->TABLE as $table) {
            $fields = [];
            foreach ($table->KEYS->KEY as $key) {
                if ((string) $key['TYPE'] !== 'primary') {
                    $fields[] = array_map('trim', explode(',', (string) $key['FIELDS']));
                }
            }
            foreach ($table->INDEXES->INDEX ?? [] as $index) {
                $fields[] = array_map('trim', explode(',', (string) $index['FIELDS']));
            }
            $tables[(string) $table['NAME']] = $fields;
        }
        return $tables;
    }

    /**
     * Runs the upgrade from a version over these tables.
     *
     * @param int $from the version the site had
     * @param array $tables table name => [index name => fields]
     * @return database_manager the manager after the upgrade
     */
    private function upgrade(int $from, array $tables): database_manager {
        global $DB;
        $dbman = new database_manager();
        $dbman->tables = $tables;
        $DB = new class($dbman) {
            /** @var database_manager */
            private $dbman;

            /**
             * Constructor.
             *
             * @param database_manager $dbman
             */
            public function __construct(database_manager $dbman) {
                $this->dbman = $dbman;
            }

            /**
             * The manager.
             *
             * @return database_manager
             */
            public function get_manager(): database_manager {
                return $this->dbman;
            }
        };
        $GLOBALS['local_shop_test_savepoints'] = [];
        $this->assertTrue(xmldb_local_shop_upgrade($from));
        return $dbman;
    }

    /**
     * Asserts that the bill and customer tables hold exactly the indexes install.xml declares.
     *
     * @param database_manager $dbman
     * @return void
     */
    private function assert_as_declared(database_manager $dbman): void {
        $declared = $this->declared();
        foreach (['local_shop_bill', 'local_shop_customer'] as $table) {
            $have = array_map(fn($fields) => implode(',', $fields), array_values($dbman->tables[$table]));
            $want = array_map(fn($fields) => implode(',', $fields), $declared[$table]);
            sort($have);
            sort($want);
            $this->assertSame($want, $have, $table);
        }
    }

    public function test_a_site_from_the_shop_gets_every_index(): void {
        $dbman = $this->upgrade(2020010100, [
            'local_shop_bill' => self::UPSTREAM_BILL,
            'local_shop_customer' => self::UPSTREAM_CUSTOMER,
        ]);
        $this->assert_as_declared($dbman);
        $this->assertSame([2026120300, 2026120400], $GLOBALS['local_shop_test_savepoints']);
    }

    public function test_a_site_with_the_previous_indexes_gets_them_replaced(): void {
        $dbman = $this->upgrade(2026120300, [
            'local_shop_bill' => self::UPSTREAM_BILL + [
                'mdl_locashopbill_idn_ix' => ['idnumber'],
                'mdl_locashopbill_staemiid_ix' => ['status', 'emissiondate', 'id'],
                'mdl_locashopbill_emiid_ix' => ['emissiondate', 'id'],
            ],
            'local_shop_customer' => self::UPSTREAM_CUSTOMER + [
                'mdl_locashopcust_las_ix' => ['lastname'],
                'mdl_locashopcust_fir_ix' => ['firstname'],
                'mdl_locashopcust_ema_ix' => ['email'],
            ],
        ]);
        $this->assert_as_declared($dbman);
        // The new lettering index exists before the old one goes: the uniqueness check always has one.
        $this->assertSame([
            'add idnumber,emissiondate,id',
            'drop idnumber',
            'add status,idnumber,emissiondate,id',
        ], $dbman->log);
        $this->assertSame([2026120400], $GLOBALS['local_shop_test_savepoints']);
    }

    public function test_a_site_missing_some_indexes_gets_them_added(): void {
        $dbman = $this->upgrade(2026120300, [
            'local_shop_bill' => self::UPSTREAM_BILL + [
                'mdl_locashopbill_staemiid_ix' => ['status', 'emissiondate', 'id'],
                'mdl_locashopbill_emiid_ix' => ['emissiondate', 'id'],
                'mdl_locashopbill_idnemiid_ix' => ['idnumber', 'emissiondate', 'id'],
            ],
            'local_shop_customer' => self::UPSTREAM_CUSTOMER + [
                'mdl_locashopcust_las_ix' => ['lastname'],
                'mdl_locashopcust_fir_ix' => ['firstname'],
                'mdl_locashopcust_ema_ix' => ['email'],
            ],
        ]);
        $this->assert_as_declared($dbman);
        $this->assertSame(['add status,idnumber,emissiondate,id'], $dbman->log);
    }

    public function test_a_site_without_the_shop_tables_is_left_alone(): void {
        $dbman = $this->upgrade(2026120300, []);
        $this->assertSame([], $dbman->log);
        $this->assertSame([2026120400], $GLOBALS['local_shop_test_savepoints']);
    }
}
