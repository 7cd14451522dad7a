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

namespace local_shop\local;

use local_shop\event\lettering_base;
use local_shop\output\bill_list;
use local_shop\output\bill_page;

/**
 * What the bill pages do: ask the lettering service, and build what is shown.
 *
 * Pages stay thin: they check who may act, then call one method here. Every
 * failure of the service ends as a sidecar_error that the page shows in the
 * user's language; nothing is changed on the Moodle side.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class bills_controller {
    /** @var int bills per page */
    public const PAGE_SIZE = 20;
    /** @var int longest search text the service takes */
    public const MAX_SEARCH_LENGTH = 100;
    /** @var int pages remembered for "Previous page" */
    public const MAX_TRAIL = 50;

    /** @var sidecar_client */
    private $client;

    /**
     * A controller that talks to the service through a client.
     *
     * @param sidecar_client $client
     */
    public function __construct(sidecar_client $client) {
        $this->client = $client;
    }

    /**
     * The list of bills: tab counts and one page of the chosen tab.
     *
     * @param string $status a status code or "all"
     * @param string $search the search text
     * @param bool $unlettered only bills without lettering
     * @param string $cursor where the page starts ('' for the first page)
     * @param string $trail cursors of the pages before, joined by '.' ('0' for the first page)
     * @return bill_list
     */
    public function bill_list(string $status, string $search, bool $unlettered, string $cursor, string $trail): bill_list {
        $status = bill_list::tab_for($status);
        $search = \core_text::substr($search, 0, self::MAX_SEARCH_LENGTH);
        $pages = preg_match('/^[A-Za-z0-9_-]+(\.[A-Za-z0-9_-]+)*$/', $trail) ? explode('.', $trail) : [];
        $pages = array_slice($pages, -self::MAX_TRAIL);
        $list = new bill_list($status, $search, $unlettered, $cursor, $pages);
        $filters = ['lettered' => $unlettered ? 'no' : null, 'q' => $search];
        try {
            $list->counts = $this->client->count_bills($filters);
            $list->page = $this->client->list_bills($filters + [
                'status' => $status === 'all' ? 'all' : $status,
                'cursor' => $cursor,
                'limit' => self::PAGE_SIZE,
            ]);
        } catch (sidecar_exception $e) {
            $list->errors[] = ['message' => $e->user_message()];
        }
        return $list;
    }

    /**
     * The invoice page, after a failed lettering attempt or not.
     *
     * @param int $billid
     * @param array|null $attempt what letter() answered, when it failed
     * @return bill_page
     */
    public function bill_page(int $billid, ?array $attempt = null): bill_page {
        $page = new bill_page($billid);
        if ($attempt !== null) {
            $page->errors[] = $attempt['error'];
            $page->typed = $attempt['typed'];
            $page->expected = $attempt['expected'];
        }
        try {
            $page->bill = $this->client->get_bill($billid);
            // After a refusal the form goes on from what the bill holds now: a second click is deliberate.
            $page->expected = (string) ($page->bill['lettering'] ?? '');
        } catch (sidecar_exception $e) {
            $message = $e->user_message();
            if (!in_array($message, array_column($page->errors, 'message'), true)) {
                $page->errors[] = ['message' => $message];
            }
        }
        return $page;
    }

    /**
     * Sets, changes or clears the lettering of a bill, and logs the change.
     *
     * @param int $billid
     * @param string $typed the value typed ('' clears)
     * @param string|null $expected the lettering the form was shown with, null when unknown
     * @return array ['success' => true, 'message' => HTML] or ['success' => false, 'error' => array, 'typed', 'expected']
     */
    public function letter(int $billid, string $typed, ?string $expected): array {
        try {
            $result = $this->client->set_lettering($billid, $typed, $expected);
        } catch (sidecar_exception $e) {
            return [
                'success' => false,
                'error' => $this->error_for_page($e->error, $e->user_message()),
                'typed' => $typed,
                'expected' => $expected,
            ];
        }
        $number = (string) ($result['number'] ?? '');
        $previous = (string) ($result['previous'] ?? '');
        $lettering = (string) ($result['lettering'] ?? '');
        // redirect() shows its message as HTML (cleaned, not escaped): the values go in as text.
        $a = (object) ['number' => self::html($number), 'lettering' => self::html($lettering)];
        if (empty($result['changed'])) {
            return ['success' => true, 'message' => get_string('letteringunchanged', 'local_shop', $a)];
        }
        $event = lettering_base::for_change($billid, $number, $previous, $lettering);
        if ($event !== null) {
            $event->trigger();
        }
        $key = $lettering === '' ? 'letteringcleared' : 'letteringsaved';
        return ['success' => true, 'message' => get_string($key, 'local_shop', $a)];
    }

    /**
     * What the invoice page shows after a post whose session key is missing or wrong: nothing was done.
     *
     * The values the post carried are dropped, not shown back in the form: a page of another site could
     * otherwise fill the form with its own value and only wait for the user to click.
     *
     * @return array as letter() answers a failure
     */
    public function refused_post(): array {
        return [
            'success' => false,
            'error' => ['message' => get_string('error_sesskey', 'local_shop'), 'link' => null],
            'typed' => null,
            'expected' => null,
        ];
    }

    /**
     * A value as text inside HTML.
     *
     * Not Moodle's s(), which turns an escaped numeric entity back into an entity: a lettering
     * "&#38;" must show as typed.
     *
     * @param string $text
     * @return string
     */
    private static function html(string $text): string {
        return htmlspecialchars($text, ENT_QUOTES | ENT_SUBSTITUTE, 'UTF-8');
    }

    /**
     * An error as the invoice page shows it: a duplicate links to the invoice that holds the reference.
     *
     * @param sidecar_error $error
     * @param string $message the message in the user's language
     * @return array {message, link: {url, text}|null}
     */
    private function error_for_page(sidecar_error $error, string $message): array {
        $shown = ['message' => $message, 'link' => null];
        $holder = (int) ($error->details['billid'] ?? 0);
        if ($error->code === 'LETTERING_DUPLICATE' && $holder > 0) {
            $shown['link'] = [
                'url' => (new \moodle_url('/local/shop/bills/view.php', ['view' => 'viewBill', 'billid' => $holder]))->out(false),
                'text' => get_string('openbill', 'local_shop', (string) ($error->details['number'] ?? $holder)),
            ];
        }
        return $shown;
    }
}
