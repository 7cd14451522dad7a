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
 * Strings for the shop back office and invoice lettering (English).
 *
 * Generated from lang/en/local_shop.json by lang/build.ts (npm run lang): edit the catalog, not this file.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */

$string['allbills'] = 'All bills';
$string['allbills_desc'] = 'Every bill of every shop by status, with its lettering.';
$string['amount'] = 'Amount';
$string['backtolist'] = 'Back to all bills';
$string['billlines'] = 'Lines';
$string['checkno'] = 'no';
$string['checksidecar'] = 'Lettering service';
$string['checksidecar_databasenotready'] = 'The lettering service answers and the shared secret matches, but its database is not ready.';
$string['checksidecar_details'] = 'Service answers: {$a->live}. Shared secret matches: {$a->secret}. Database ready: {$a->database}. Lettering index present: {$a->index}.';
$string['checksidecar_noindex'] = 'The lettering service is ready, but the lettering index of the bill table is missing: run the Moodle upgrade.';
$string['checksidecar_notconfigured'] = 'The address or the shared secret of the lettering service is not set.';
$string['checksidecar_ok'] = 'The lettering service answers, the shared secret matches and its database is ready.';
$string['checksidecar_secretmismatch'] = 'The lettering service answers, but it refuses the shared secret.';
$string['checksidecar_unreachable'] = 'The lettering service does not answer.';
$string['checkunknown'] = 'unknown';
$string['checkyes'] = 'yes';
$string['customer'] = 'Customer';
$string['customeraddress'] = 'Address';
$string['customeremail'] = 'Email';
$string['customername'] = 'Name';
$string['customerorganisation'] = 'Organisation';
$string['date'] = 'Date';
$string['emissiondate'] = 'Emission date';
$string['error_auth_expired'] = 'The request to the lettering service is too old or comes from the future: check that the clocks of the Moodle server and of the service agree.';
$string['error_auth_invalid'] = 'The request to the lettering service is not signed with the right secret.';
$string['error_auth_missing'] = 'The request to the lettering service is not signed.';
$string['error_bill_not_found'] = 'There is no bill with id {$a->billid}.';
$string['error_body_too_large'] = 'The request is too large (at most {$a->maxbytes} bytes).';
$string['error_busy'] = 'The lettering service is busy with the same reference. Please try again.';
$string['error_database_unavailable'] = 'The shop database is unavailable. Nothing was changed; please try again later.';
$string['error_internal'] = 'The lettering service met an unexpected error. Nothing was changed.';
$string['error_lettering_control_characters'] = 'The lettering must not contain control characters or line breaks.';
$string['error_lettering_duplicate'] = 'The lettering "{$a->lettering}" is already used by invoice {$a->number}.';
$string['error_lettering_invalid_characters'] = 'The lettering contains invalid characters.';
$string['error_lettering_stale'] = 'Someone else changed the lettering of this invoice in the meantime. It is now "{$a->current}".';
$string['error_lettering_too_long'] = 'The lettering must be at most {$a->maxlength} characters long.';
$string['error_lettering_unsupported_characters'] = 'The lettering contains characters that the database cannot store (such as emoji).';
$string['error_malformed_body'] = 'The request body is not valid JSON.';
$string['error_method_not_allowed'] = 'This method is not allowed here.';
$string['error_not_found'] = 'There is nothing at this address.';
$string['error_not_letterable_attempt'] = 'This bill ({$a->status}) is a failed or cancelled payment attempt, not an invoice: it cannot be lettered.';
$string['error_not_letterable_order'] = 'This bill ({$a->status}) is an order, not an invoice yet: it cannot be lettered.';
$string['error_not_letterable_unknown_status'] = 'This bill has the status {$a->status}, which is not an invoice status: it cannot be lettered.';
$string['error_sesskey'] = 'The form could not be verified: it comes from an expired session or was not sent from this page. Nothing was changed; type the lettering again and click Update.';
$string['error_timeout'] = 'The shop database did not answer in time. Nothing was changed; please try again.';
$string['error_unsupported_media_type'] = 'The request body must be JSON (Content-Type: application/json).';
$string['error_validation_failed'] = 'The value of "{$a->field}" is not valid: {$a->reason}.';
$string['error_write_unconfirmed'] = 'The database did not confirm whether the lettering was saved. Reload the invoice to see its lettering before trying again.';
$string['eventletteringchanged'] = 'Lettering changed';
$string['eventletteringcleared'] = 'Lettering cleared';
$string['eventletteringset'] = 'Lettering set';
$string['filterbills'] = 'Filter the bills';
$string['firstpage'] = 'First page';
$string['invoice'] = 'Invoice';
$string['invoicetitle'] = 'Invoice {$a}';
$string['itemabstract'] = 'Item';
$string['itemcode'] = 'Code';
$string['itemquantity'] = 'Quantity';
$string['itemtotal'] = 'Total';
$string['itemunitcost'] = 'Unit price';
$string['lettering'] = 'Lettering';
$string['lettering_help'] = 'The lettering is the reference this invoice has in the accounting software, where invoices are numbered as the law requires. It lets anyone go from the online invoice to the official one and back.

A reference belongs to one invoice only, whatever the shop or catalog. Leave the field empty and click Update to clear the lettering.';
$string['letteringcleared'] = 'The lettering of invoice {$a->number} was cleared.';
$string['letteringof'] = 'Lettering of invoice {$a}';
$string['letteringsaved'] = 'The lettering of invoice {$a->number} is now "{$a->lettering}".';
$string['letteringunchanged'] = 'Invoice {$a->number} already had this lettering: nothing changed.';
$string['nextpage'] = 'Next page';
$string['nobills'] = 'No bill matches.';
$string['nolines'] = 'This bill has no lines.';
$string['notlettered'] = 'Not lettered';
$string['number'] = 'Number';
$string['openbill'] = 'Open invoice {$a}';
$string['pagenumber'] = 'Page {$a}';
$string['paymentcode'] = 'Payment code';
$string['paymentmethod'] = 'Payment method';
$string['paymode_card'] = 'Credit card';
$string['paymode_check'] = 'Cheque';
$string['paymode_delegated'] = 'Delegated payment';
$string['paymode_freeorder'] = 'Free order';
$string['paymode_paypal'] = 'PayPal';
$string['paymode_stripe_checkout'] = 'Stripe';
$string['paymode_systempay'] = 'SystemPay Plus (Caisse d\'Epargne/Banque Populaire)';
$string['paymode_test'] = 'Test payment';
$string['paymode_transfer'] = 'Bank transfer';
$string['pluginname'] = 'Shop';
$string['previouspage'] = 'Previous page';
$string['privacy:metadata:local_shop_bill'] = 'The shop\'s bills (orders and invoices) of customers, with their lettering.';
$string['privacy:metadata:local_shop_bill:amount'] = 'The amount of the bill.';
$string['privacy:metadata:local_shop_bill:customerid'] = 'The customer the bill is for.';
$string['privacy:metadata:local_shop_bill:emissiondate'] = 'When the bill was issued.';
$string['privacy:metadata:local_shop_bill:idnumber'] = 'The lettering: the reference of the invoice in the accounting software.';
$string['privacy:metadata:local_shop_bill:userid'] = 'The Moodle user who placed the order.';
$string['privacy:metadata:local_shop_customer'] = 'The shop\'s customers.';
$string['privacy:metadata:local_shop_customer:address'] = 'The customer\'s postal address.';
$string['privacy:metadata:local_shop_customer:email'] = 'The customer\'s email address.';
$string['privacy:metadata:local_shop_customer:firstname'] = 'The customer\'s first name.';
$string['privacy:metadata:local_shop_customer:hasaccount'] = 'The Moodle user the customer is, if any.';
$string['privacy:metadata:local_shop_customer:lastname'] = 'The customer\'s last name.';
$string['privacy:metadata:sidecar'] = 'The pages of the sales back office ask the lettering service to read and change bills. Each request carries the following.';
$string['privacy:metadata:sidecar:language'] = 'The language of the user, so that the service answers in it.';
$string['privacy:metadata:sidecar:lettering'] = 'The lettering typed by the user.';
$string['privacy:metadata:sidecar:search'] = 'The text searched for in the bill list (an invoice number, a lettering, a transaction code or a customer\'s name or email).';
$string['privacy:metadata:sidecar:userid'] = 'The id of the user acting, recorded in the service\'s log.';
$string['salesadministration'] = 'Sales administration';
$string['salesservice'] = 'Sales service';
$string['search'] = 'Search';
$string['searchbills'] = 'Invoice number, lettering, transaction code or customer';
$string['settings'] = 'Lettering service';
$string['settings_desc'] = 'The sales back office reads and letters bills through the lettering service. Give its address and the secret it shares with this site; the status report says whether they work.';
$string['shop'] = 'Shop';
$string['shop:salesadmin'] = 'Administer sales: see bills and their customers, and letter invoices';
$string['sidecarsecret'] = 'Shared secret';
$string['sidecarsecret_desc'] = 'The secret the lettering service was started with (LETTERING_SECRET), at least 32 characters. Requests are signed with it.';
$string['sidecartimeout'] = 'Timeout';
$string['sidecartimeout_desc'] = 'How many seconds a page waits for the lettering service before saying it did not answer.';
$string['sidecarurl'] = 'Lettering service address';
$string['sidecarurl_desc'] = 'The address of the lettering service, such as http://127.0.0.1:8787. Only this address is called, even when Moodle\'s HTTP security settings block local addresses.';
$string['status'] = 'Status';
$string['status_cancelled'] = 'Cancelled';
$string['status_complete'] = 'Completed';
$string['status_failed'] = 'Failed';
$string['status_partial'] = 'Partially paid';
$string['status_payback'] = 'Paid back';
$string['status_pending'] = 'Pending';
$string['status_placed'] = 'Placed';
$string['status_preprod'] = 'Preproduction';
$string['status_recovering'] = 'Recovering';
$string['status_refused'] = 'Refused';
$string['status_soldout'] = 'Paid';
$string['status_working'] = 'Working';
$string['tab_all'] = 'All';
$string['tab_cancelled'] = 'Cancelled';
$string['tab_complete'] = 'Completed';
$string['tab_failed'] = 'Failed';
$string['tab_partial'] = 'Partially paid';
$string['tab_payback'] = 'Paid back';
$string['tab_pending'] = 'Pending';
$string['tab_placed'] = 'Placed';
$string['tab_preprod'] = 'Preproduction';
$string['tab_recovering'] = 'Recovering';
$string['tab_refused'] = 'Refused';
$string['tab_soldout'] = 'Paid';
$string['tab_working'] = 'Working';
$string['tabcount'] = '{$a->name} ({$a->count})';
$string['taxes'] = 'Taxes';
$string['total'] = 'Total';
$string['transactioncode'] = 'Transaction code';
$string['transport_badresponse'] = 'The lettering service gave an answer that could not be understood. Reload the page to see whether anything was changed.';
$string['transport_notconfigured'] = 'The lettering service is not configured. Ask the site administrator to set its address and shared secret.';
$string['transport_servererror'] = 'The lettering service met an error. Reload the page to see whether anything was changed.';
$string['transport_timeout'] = 'The lettering service did not answer in time. Reload the page to see whether anything was changed.';
$string['transport_unreachable'] = 'The lettering service cannot be reached. Nothing was changed; please try again later.';
$string['unletteredonly'] = 'Unlettered only';
$string['untaxedamount'] = 'Total before tax';
$string['update'] = 'Update';
$string['validation_boolean'] = 'yes or no';
$string['validation_cursor'] = 'a cursor returned by a previous page';
$string['validation_expected'] = 'a text, or null for no lettering';
$string['validation_invalid'] = 'a value of the expected kind';
$string['validation_lettering'] = 'a text';
$string['validation_limit'] = 'a whole number from 1 to {$a->max}';
$string['validation_object'] = 'a JSON object';
$string['validation_positive_integer'] = 'a positive whole number';
$string['validation_search'] = 'a text of at most 100 characters';
$string['validation_status'] = 'one of the bill statuses or tab groups';
$string['validation_unknown'] = 'a parameter this address does not take';
