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

namespace local_shop\output;

use renderer_base;

/**
 * An invoice: the header with its lettering form, the customer and the lines.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class bill_page extends bill_view {
    /** @var int the bill asked for */
    public $billid;
    /** @var array|null the bill as the service gave it, null when it could not be read */
    public $bill = null;
    /** @var string|null the value typed in a refused submission, null when none */
    public $typed = null;
    /** @var string|null the lettering the form was built on, null when unknown */
    public $expected = null;
    /** @var array[] errors to show: {message, link} */
    public $errors = [];

    /**
     * The page of a bill.
     *
     * @param int $billid
     */
    public function __construct(int $billid) {
        $this->billid = $billid;
    }

    /**
     * The title of the page.
     *
     * @return string
     */
    public function page_title(): string {
        $number = $this->bill['number'] ?? null;
        return $number ? get_string('invoicetitle', 'local_shop', $number) : get_string('invoice', 'local_shop');
    }

    /**
     * Data for the local_shop/bill_page template.
     *
     * @param renderer_base $output
     * @return array
     */
    public function export_for_template(renderer_base $output): array {
        $bill = $this->bill;
        $data = [
            'errors' => array_map(function (array $error): array {
                return ['message' => $error['message'], 'link' => $error['link'] ?? null];
            }, $this->errors),
            'haserrors' => !empty($this->errors),
            'backurl' => (new \moodle_url('/local/shop/bills/view.php', ['view' => 'viewAllBills']))->out(false),
            'hasbill' => $bill !== null,
            'bill' => null,
            'form' => null,
            'notletterable' => null,
        ];
        $letterable = $bill === null ? $this->typed !== null : !empty($bill['letteringState']['letterable']);
        if ($letterable) {
            $value = $this->typed ?? (string) ($bill['lettering'] ?? '');
            $data['form'] = [
                'actionurl' => (new \moodle_url('/local/shop/bills/view.php'))->out(false),
                'sesskey' => sesskey(),
                'billid' => $this->billid,
                'value' => $value,
                'hasexpected' => $this->expected !== null,
                'expected' => (string) $this->expected,
                'helpicon' => $output->help_icon('lettering', 'local_shop'),
            ];
        }
        if ($bill === null) {
            return $data;
        }
        if (!$letterable) {
            $reason = (string) ($bill['letteringState']['reason'] ?? 'unknown_status');
            $reason = in_array($reason, ['order', 'attempt', 'unknown_status'], true) ? $reason : 'unknown_status';
            $data['notletterable'] = get_string('error_not_letterable_' . $reason, 'local_shop',
                (object) ['status' => (string) ($bill['status'] ?? '')]);
        }
        $currency = $bill['currency'] ?? '';
        $customer = is_array($bill['customer'] ?? null) ? $bill['customer'] : [];
        $lines = [];
        foreach (is_array($bill['lines'] ?? null) ? $bill['lines'] : [] as $line) {
            $lines[] = [
                'code' => (string) ($line['itemcode'] ?? ''),
                'abstract' => (string) ($line['abstract'] ?? ''),
                'unitcost' => self::amount($line['unitcost'] ?? '', $currency),
                'quantity' => (string) ($line['quantity'] ?? ''),
                'total' => self::amount($line['totalprice'] ?? '', $currency),
            ];
        }
        $place = trim((string) ($customer['zip'] ?? '') . ' ' . (string) ($customer['city'] ?? ''));
        $data['bill'] = [
            'number' => (string) ($bill['number'] ?? ''),
            'transactionid' => (string) ($bill['transactionid'] ?? ''),
            'emissiondate' => isset($bill['emissiondate']) ? userdate((int) $bill['emissiondate']) : '',
            'paymentcode' => (string) ($bill['onlinetransactionid'] ?? ''),
            'paymentmethod' => self::paymode_name($bill['paymode'] ?? ''),
            'status' => self::status_name((string) ($bill['status'] ?? '')),
            'shop' => (string) ($bill['shop']['name'] ?? ''),
            'lettering' => (string) ($bill['lettering'] ?? ''),
            'customer' => [
                'name' => self::customer_name($customer),
                'organisation' => (string) ($customer['organisation'] ?? ''),
                'email' => (string) ($customer['email'] ?? ''),
                'address' => implode(', ', array_filter([(string) ($customer['address'] ?? ''), $place,
                    (string) ($customer['country'] ?? '')], 'strlen')),
            ],
            'lines' => $lines,
            'haslines' => !empty($lines),
            'untaxedamount' => self::amount($bill['untaxedamount'] ?? '', $currency),
            'taxes' => self::amount($bill['taxes'] ?? '', $currency),
            'amount' => self::amount($bill['amount'] ?? '', $currency),
        ];
        return $data;
    }
}
