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
 * Bills: the list of all bills (view=viewAllBills) and one invoice with its lettering (view=viewBill).
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

require(__DIR__ . '/../../../config.php');

$view = optional_param('view', 'viewAllBills', PARAM_ALPHA);
$billid = optional_param('billid', 0, PARAM_INT);
$what = optional_param('what', '', PARAM_ALPHA);

require_login();
$context = context_system::instance();
require_capability('local/shop:salesadmin', $context);

$controller = new \local_shop\local\bills_controller(\local_shop\local\sidecar_client::for_current_user());
$PAGE->set_context($context);
$PAGE->set_pagelayout('report');

if ($view === 'viewBill') {
    $url = new moodle_url('/local/shop/bills/view.php', ['view' => 'viewBill', 'billid' => $billid]);
    $PAGE->set_url($url);
    $attempt = null;
    if ($what === 'reclettering' && data_submitted()) {
        if (!confirm_sesskey()) {
            // Not require_sesskey(): its error page loses the invoice (and shows a stack trace with debugging on).
            // The invoice is shown again as stored, with the reason; nothing is changed.
            $attempt = $controller->refused_post();
        } else {
            $attempt = $controller->letter($billid, optional_param('idnumber', '', PARAM_RAW),
                optional_param('expected', null, PARAM_RAW));
            if ($attempt['success']) {
                redirect($url, $attempt['message'], null, \core\output\notification::NOTIFY_SUCCESS);
            }
        }
    }
    $renderable = $controller->bill_page($billid, $attempt);
} else {
    $renderable = $controller->bill_list(
        optional_param('status', 'COMPLETE', PARAM_ALPHA),
        optional_param('q', '', PARAM_RAW_TRIMMED),
        optional_param('unlettered', false, PARAM_BOOL),
        optional_param('cursor', '', PARAM_ALPHANUMEXT),
        optional_param('trail', '', PARAM_RAW)
    );
    $PAGE->set_url(new moodle_url('/local/shop/bills/view.php', ['view' => 'viewAllBills']));
}

$PAGE->set_title($renderable->page_title());
$PAGE->set_heading(get_string('salesservice', 'local_shop'));
$PAGE->navbar->add(get_string('salesservice', 'local_shop'), new moodle_url('/local/shop/index.php'));
$PAGE->navbar->add(get_string('allbills', 'local_shop'), new moodle_url('/local/shop/bills/view.php'));

echo $OUTPUT->header();
echo $OUTPUT->render($renderable);
echo $OUTPUT->footer();
