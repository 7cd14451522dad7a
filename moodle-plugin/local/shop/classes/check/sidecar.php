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

namespace local_shop\check;

use core\check\check;
use core\check\result;
use local_shop\local\sidecar_client;
use local_shop\local\sidecar_exception;

/**
 * Status report check: does the lettering service answer, accept the shared secret, and is its database ready?
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class sidecar extends check {
    /**
     * The check's name.
     *
     * @return string
     */
    public function get_name(): string {
        return get_string('checksidecar', 'local_shop');
    }

    /**
     * Link to the plugin's settings.
     *
     * @return \action_link|null
     */
    public function get_action_link(): ?\action_link {
        return new \action_link(new \moodle_url('/admin/settings.php', ['section' => 'local_shop']),
            get_string('settings', 'local_shop'));
    }

    /**
     * Asks the service: readiness (not signed), then a signed call.
     *
     * @return result
     */
    public function get_result(): result {
        $client = sidecar_client::for_current_user();
        if (!$client->is_configured()) {
            return new result(result::ERROR, get_string('checksidecar_notconfigured', 'local_shop'));
        }
        $found = ['live' => null, 'secret' => null, 'database' => null, 'index' => null];
        try {
            $report = $client->readiness();
            $found['live'] = true;
            $checks = is_array($report['checks'] ?? null) ? $report['checks'] : [];
            $found['database'] = !empty($checks['database']) && !empty($checks['billTable']);
            $found['index'] = !empty($checks['letteringIndex']);
        } catch (sidecar_exception $e) {
            $found['live'] = false;
        }
        if ($found['live']) {
            try {
                $client->shops();
                $found['secret'] = true;
            } catch (sidecar_exception $e) {
                // The signature is checked before anything else: only AUTH_* errors say the secret is wrong.
                $found['secret'] = strpos($e->error->code, 'AUTH_') === 0 ? false : ($e->error->is_transport() ? null : true);
            }
        }
        $details = get_string('checksidecar_details', 'local_shop', (object) array_map([$this, 'answer'], $found));
        if (!$found['live']) {
            return new result(result::ERROR, get_string('checksidecar_unreachable', 'local_shop'), $details);
        }
        if ($found['secret'] === false) {
            return new result(result::ERROR, get_string('checksidecar_secretmismatch', 'local_shop'), $details);
        }
        if (!$found['database']) {
            return new result(result::ERROR, get_string('checksidecar_databasenotready', 'local_shop'), $details);
        }
        if (!$found['index']) {
            return new result(result::WARNING, get_string('checksidecar_noindex', 'local_shop'), $details);
        }
        if ($found['secret'] === null) {
            return new result(result::UNKNOWN, get_string('checksidecar_unreachable', 'local_shop'), $details);
        }
        return new result(result::OK, get_string('checksidecar_ok', 'local_shop'), $details);
    }

    /**
     * Yes, no or unknown, in the user's language.
     *
     * @param bool|null $value
     * @return string
     */
    public function answer(?bool $value): string {
        if ($value === null) {
            return get_string('checkunknown', 'local_shop');
        }
        return get_string($value ? 'checkyes' : 'checkno', 'local_shop');
    }
}
