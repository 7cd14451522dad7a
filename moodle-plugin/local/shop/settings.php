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
 * Settings of the shop back office: how to reach the lettering service.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

defined('MOODLE_INTERNAL') || die();

if ($hassiteconfig) {
    $settings = new admin_settingpage('local_shop', new lang_string('pluginname', 'local_shop'));
    $ADMIN->add('localplugins', $settings);

    if ($ADMIN->fulltree) {
        $settings->add(new admin_setting_heading('local_shop/sidecarheading',
            new lang_string('settings', 'local_shop'), new lang_string('settings_desc', 'local_shop')));
        $settings->add(new admin_setting_configtext('local_shop/sidecarurl',
            new lang_string('sidecarurl', 'local_shop'), new lang_string('sidecarurl_desc', 'local_shop'),
            'http://127.0.0.1:8787', PARAM_URL, 60));
        $settings->add(new admin_setting_configpasswordunmask('local_shop/sidecarsecret',
            new lang_string('sidecarsecret', 'local_shop'), new lang_string('sidecarsecret_desc', 'local_shop'), ''));
        $settings->add(new admin_setting_configtext('local_shop/sidecartimeout',
            new lang_string('sidecartimeout', 'local_shop'), new lang_string('sidecartimeout_desc', 'local_shop'),
            10, PARAM_INT, 5));
    }
}
