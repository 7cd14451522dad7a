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

namespace local_shop\privacy;

use core_privacy\local\metadata\collection;

/**
 * What the shop back office stores and sends about people.
 *
 * The bills and customers are the shop's records, held in its tables. The
 * back office reads them and changes only the lettering, through the
 * lettering service: each request carries the acting user's id and
 * language, and the lettering or search text typed.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class provider implements \core_privacy\local\metadata\provider {
    /**
     * Describes the data.
     *
     * @param collection $collection
     * @return collection
     */
    public static function get_metadata(collection $collection): collection {
        $collection->add_database_table('local_shop_customer', [
            'firstname' => 'privacy:metadata:local_shop_customer:firstname',
            'lastname' => 'privacy:metadata:local_shop_customer:lastname',
            'email' => 'privacy:metadata:local_shop_customer:email',
            'address' => 'privacy:metadata:local_shop_customer:address',
            'hasaccount' => 'privacy:metadata:local_shop_customer:hasaccount',
        ], 'privacy:metadata:local_shop_customer');
        $collection->add_database_table('local_shop_bill', [
            'userid' => 'privacy:metadata:local_shop_bill:userid',
            'customerid' => 'privacy:metadata:local_shop_bill:customerid',
            'idnumber' => 'privacy:metadata:local_shop_bill:idnumber',
            'amount' => 'privacy:metadata:local_shop_bill:amount',
            'emissiondate' => 'privacy:metadata:local_shop_bill:emissiondate',
        ], 'privacy:metadata:local_shop_bill');
        $collection->add_external_location_link('sidecar', [
            'userid' => 'privacy:metadata:sidecar:userid',
            'language' => 'privacy:metadata:sidecar:language',
            'lettering' => 'privacy:metadata:sidecar:lettering',
            'search' => 'privacy:metadata:sidecar:search',
        ], 'privacy:metadata:sidecar');
        return $collection;
    }
}
