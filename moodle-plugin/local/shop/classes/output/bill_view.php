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

use local_shop\local\money;
use renderable;
use renderer_base;
use templatable;

/**
 * Shared ways of showing bill values.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
abstract class bill_view implements renderable, templatable {
    /** @var string[] the statuses of the shop, in the order of the tabs */
    public const STATUSES = ['COMPLETE', 'SOLDOUT', 'PAYBACK', 'PARTIAL', 'PREPROD', 'RECOVERING',
        'WORKING', 'PLACED', 'PENDING', 'CANCELLED', 'FAILED', 'REFUSED'];

    /** @var string[] payment methods the plugin has a name for */
    public const PAYMODES = ['card', 'check', 'delegated', 'freeorder', 'paypal', 'stripe_checkout', 'systempay', 'test',
        'transfer'];

    /**
     * The name of a status in the user's language (the code itself for a status the shop does not define).
     *
     * @param string $status
     * @return string
     */
    protected static function status_name(string $status): string {
        if (in_array($status, self::STATUSES, true)) {
            return get_string('status_' . strtolower($status), 'local_shop');
        }
        return $status;
    }

    /**
     * An amount with its currency, e.g. "1,234.50 EUR".
     *
     * @param mixed $amount decimal text from the service
     * @param mixed $currency currency code
     * @return string
     */
    protected static function amount($amount, $currency): string {
        $text = money::format((string) $amount, get_string('decsep', 'core_langconfig'),
            get_string('thousandssep', 'core_langconfig'));
        return trim($text . ' ' . (string) $currency);
    }

    /**
     * The payment method's name (its code when the plugin does not know it).
     *
     * @param mixed $paymode
     * @return string
     */
    protected static function paymode_name($paymode): string {
        $paymode = (string) $paymode;
        if (in_array($paymode, self::PAYMODES, true)) {
            return get_string('paymode_' . $paymode, 'local_shop');
        }
        return $paymode;
    }

    /**
     * The URL of an invoice page.
     *
     * @param int $billid
     * @return string
     */
    protected static function bill_url(int $billid): string {
        return (new \moodle_url('/local/shop/bills/view.php', ['view' => 'viewBill', 'billid' => $billid]))->out(false);
    }

    /**
     * First and last name of a customer.
     *
     * @param mixed $customer the customer as the service gives it
     * @return string
     */
    protected static function customer_name($customer): string {
        if (!is_array($customer)) {
            return '';
        }
        return trim((string) ($customer['firstname'] ?? '') . ' ' . (string) ($customer['lastname'] ?? ''));
    }

    /**
     * The title of the page.
     *
     * @return string
     */
    abstract public function page_title(): string;
}
