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
 * All bills: status tabs with counts, filters, one page of bills and the pager.
 *
 * @package    local_shop
 * @copyright  2026 The shop lettering project
 * @license    https://www.gnu.org/copyleft/gpl.html GNU GPL v3 or later
 */
class bill_list extends bill_view {
    /** @var string[] tabs shown even when empty */
    private const ALWAYS_SHOWN = ['COMPLETE', 'SOLDOUT', 'PAYBACK', 'WORKING', 'PLACED', 'PENDING', 'CANCELLED', 'FAILED'];

    /** @var string the tab shown: a status or "all" */
    public $status;
    /** @var string the search text */
    public $search;
    /** @var bool only unlettered bills */
    public $unlettered;
    /** @var string cursor of this page, '' for the first */
    public $cursor;
    /** @var string[] cursors of the pages before ('0' for the first page) */
    public $trail;
    /** @var array|null counts from the service */
    public $counts = null;
    /** @var array|null the page from the service */
    public $page = null;
    /** @var array[] errors to show: {message} */
    public $errors = [];

    /**
     * A list.
     *
     * @param string $status the tab
     * @param string $search the search text
     * @param bool $unlettered only unlettered bills
     * @param string $cursor where the page starts
     * @param string[] $trail cursors of the pages before
     */
    public function __construct(string $status, string $search, bool $unlettered, string $cursor, array $trail) {
        $this->status = $status;
        $this->search = $search;
        $this->unlettered = $unlettered;
        $this->cursor = $cursor;
        $this->trail = $trail;
    }

    /**
     * The tab a request names: a known status, "all", or the completed invoices.
     *
     * @param string $requested
     * @return string
     */
    public static function tab_for(string $requested): string {
        $status = strtoupper($requested);
        if (in_array($status, self::STATUSES, true)) {
            return $status;
        }
        return strtolower($requested) === 'all' ? 'all' : 'COMPLETE';
    }

    /**
     * The title of the page.
     *
     * @return string
     */
    public function page_title(): string {
        return get_string('allbills', 'local_shop');
    }

    /**
     * The list's URL with these filters.
     *
     * @param array $changes parameters to change
     * @return string
     */
    private function url(array $changes = []): string {
        $params = array_merge([
            'view' => 'viewAllBills',
            'status' => $this->status,
            'q' => $this->search,
            'unlettered' => $this->unlettered ? 1 : null,
        ], $changes);
        $params = array_filter($params, function ($value) {
            return $value !== null && $value !== '';
        });
        return (new \moodle_url('/local/shop/bills/view.php', $params))->out(false);
    }

    /**
     * Data for the local_shop/bill_list template.
     *
     * @param renderer_base $output
     * @return array
     */
    public function export_for_template(renderer_base $output): array {
        $data = [
            'actionurl' => (new \moodle_url('/local/shop/bills/view.php'))->out(false),
            'status' => $this->status,
            'search' => $this->search,
            'unlettered' => $this->unlettered,
            'errors' => $this->errors,
            'haserrors' => !empty($this->errors),
            'tabs' => [],
            'hasbills' => false,
            'nobills' => false,
            'bills' => [],
            'pager' => null,
        ];
        if ($this->counts !== null) {
            $data['tabs'] = $this->tabs();
        }
        if ($this->page !== null) {
            $data['bills'] = $this->rows();
            $data['hasbills'] = !empty($data['bills']);
            $data['nobills'] = empty($data['bills']);
            $data['pager'] = $this->pager();
        }
        return $data;
    }

    /**
     * The status tabs with their counts.
     *
     * @return array[]
     */
    private function tabs(): array {
        $counts = is_array($this->counts['statuses'] ?? null) ? $this->counts['statuses'] : [];
        $tabs = [];
        foreach (self::STATUSES as $status) {
            $count = (int) ($counts[$status] ?? 0);
            if ($count === 0 && !in_array($status, self::ALWAYS_SHOWN, true) && $status !== $this->status) {
                continue;
            }
            $tabs[] = $this->tab($status, get_string('tab_' . strtolower($status), 'local_shop'), $count);
        }
        $all = (int) ($this->counts['groups']['all'] ?? array_sum(array_map('intval', $counts)));
        $tabs[] = $this->tab('all', get_string('tab_all', 'local_shop'), $all);
        return $tabs;
    }

    /**
     * One tab.
     *
     * @param string $status
     * @param string $name
     * @param int $count
     * @return array
     */
    private function tab(string $status, string $name, int $count): array {
        return [
            'status' => $status,
            'label' => get_string('tabcount', 'local_shop', (object) ['name' => $name, 'count' => $count]),
            'url' => $this->url(['status' => $status]),
            'active' => $status === $this->status,
        ];
    }

    /**
     * The rows of the table.
     *
     * @return array[]
     */
    private function rows(): array {
        $items = is_array($this->page['items'] ?? null) ? $this->page['items'] : [];
        $dateformat = get_string('strftimedatetimeshort', 'core_langconfig');
        $rows = [];
        foreach ($items as $item) {
            if (!is_array($item)) {
                continue;
            }
            $lettering = (string) ($item['lettering'] ?? '');
            $rows[] = [
                'id' => (int) ($item['id'] ?? 0),
                'number' => (string) ($item['number'] ?? ''),
                'url' => self::bill_url((int) ($item['id'] ?? 0)),
                'date' => isset($item['emissiondate']) ? userdate((int) $item['emissiondate'], $dateformat) : '',
                'customer' => self::customer_name($item['customer'] ?? null),
                'email' => (string) ($item['customer']['email'] ?? ''),
                'amount' => self::amount($item['amount'] ?? '', $item['currency'] ?? ''),
                'status' => self::status_name((string) ($item['status'] ?? '')),
                'lettering' => $lettering,
                'haslettering' => $lettering !== '',
            ];
        }
        return $rows;
    }

    /**
     * Links to the first, previous and next pages.
     *
     * @return array|null null when there is one page only
     */
    private function pager(): ?array {
        $next = (string) ($this->page['nextCursor'] ?? '');
        $first = $this->cursor === '';
        if ($first && $next === '') {
            return null;
        }
        $pager = [
            'pagenumber' => get_string('pagenumber', 'local_shop', count($this->trail) + 1),
            'firsturl' => $first ? null : $this->url(),
            'previousurl' => null,
            'nexturl' => null,
        ];
        if (!$first && !empty($this->trail)) {
            $trail = $this->trail;
            $previous = array_pop($trail);
            $pager['previousurl'] = $this->url([
                'cursor' => $previous === '0' ? null : $previous,
                'trail' => implode('.', $trail),
            ]);
        }
        if ($next !== '') {
            $trail = array_merge($this->trail, [$first ? '0' : $this->cursor]);
            $pager['nexturl'] = $this->url(['cursor' => $next, 'trail' => implode('.', $trail)]);
        }
        return $pager;
    }
}
