package org.kontor.config.security;

import static org.kontor.events.people.Role.ACCOUNTANT;
import static org.kontor.events.people.Role.ADMIN;
import static org.kontor.events.people.Role.ANALYST;
import static org.kontor.events.people.Role.AUDITOR;
import static org.kontor.events.people.Role.MANAGER;
import static org.kontor.events.people.Role.PURCHASING;
import static org.kontor.events.people.Role.SALES;
import static org.kontor.events.people.Role.SUPPORT;
import static org.kontor.events.people.Role.WAREHOUSE;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.kontor.events.people.Role;
import org.springframework.http.HttpMethod;

/**
 * Which roles reach which endpoints: the table of docs/security.md, as code. Rules are tried in
 * order and the first match decides; an {@code /api} path no rule names is for administrators
 * only, so a new endpoint is closed until it is given a row here.
 */
public final class AccessMatrix {

    /** Everyone who reads business views (not the audit trail). */
    private static final Set<Role> READ_ALL = EnumSet.of(ADMIN, MANAGER, AUDITOR, ANALYST);

    public static final List<Rule> RULES = List.of(
            // People: every signed-in user reads their own account and changes their own password;
            // the rest is administration.
            rule(HttpMethod.GET, "/api/users/me", EnumSet.allOf(Role.class)),
            rule(HttpMethod.POST, "/api/users/me/password", EnumSet.allOf(Role.class)),
            rule(null, "/api/users/**", EnumSet.of(ADMIN)),
            // CRM
            rule(HttpMethod.GET, "/api/customers/**", with(READ_ALL, SALES, SUPPORT, ACCOUNTANT)),
            rule(HttpMethod.POST, "/api/customers/*/interactions", EnumSet.of(ADMIN, MANAGER, SALES, SUPPORT)),
            rule(HttpMethod.POST, "/api/customers/**", EnumSet.of(ADMIN, MANAGER, SALES)),
            rule(HttpMethod.PATCH, "/api/customers/**", EnumSet.of(ADMIN, MANAGER, SALES)),
            rule(HttpMethod.GET, "/api/leads/**", with(READ_ALL, SALES)),
            rule(HttpMethod.POST, "/api/leads/**", EnumSet.of(ADMIN, MANAGER, SALES)),
            rule(HttpMethod.GET, "/api/opportunities/**", with(READ_ALL, SALES)),
            rule(HttpMethod.POST, "/api/opportunities/**", EnumSet.of(ADMIN, MANAGER, SALES)),
            rule(HttpMethod.GET, "/api/pipeline/**", with(READ_ALL, SALES)),
            rule(HttpMethod.GET, "/api/activities/**", with(READ_ALL, SALES, SUPPORT)),
            rule(HttpMethod.POST, "/api/activities/**", EnumSet.of(ADMIN, MANAGER, SALES, SUPPORT)),
            rule(HttpMethod.GET, "/api/cases/**", with(READ_ALL, SALES, SUPPORT)),
            rule(HttpMethod.POST, "/api/cases/**", EnumSet.of(ADMIN, MANAGER, SUPPORT)),
            rule(HttpMethod.GET, "/api/campaigns/**", with(READ_ALL, SALES)),
            rule(HttpMethod.POST, "/api/campaigns/**", EnumSet.of(ADMIN, MANAGER, SALES)),
            rule(HttpMethod.GET, "/api/analytics/**", with(READ_ALL, SALES)),
            // Ledger and reports: accountants post and close; managers read.
            rule(HttpMethod.GET, "/api/ledger/**", with(READ_ALL, ACCOUNTANT)),
            rule(HttpMethod.POST, "/api/ledger/**", EnumSet.of(ADMIN, ACCOUNTANT)),
            rule(HttpMethod.GET, "/api/reports/**", with(READ_ALL, ACCOUNTANT)),
            // Inventory
            rule(HttpMethod.GET, "/api/products/**", with(READ_ALL, WAREHOUSE, PURCHASING, SALES, ACCOUNTANT)),
            rule(HttpMethod.POST, "/api/products/**", EnumSet.of(ADMIN, MANAGER, WAREHOUSE)),
            rule(HttpMethod.GET, "/api/warehouses/**", with(READ_ALL, WAREHOUSE, PURCHASING, SALES, ACCOUNTANT)),
            rule(HttpMethod.POST, "/api/warehouses/**", EnumSet.of(ADMIN, MANAGER, WAREHOUSE)),
            rule(HttpMethod.GET, "/api/stock/**", with(READ_ALL, WAREHOUSE, PURCHASING, SALES, ACCOUNTANT)),
            rule(HttpMethod.POST, "/api/stock/**", EnumSet.of(ADMIN, WAREHOUSE)),
            // Order to cash
            rule(HttpMethod.GET, "/api/sales-orders/**", with(READ_ALL, SALES, ACCOUNTANT, WAREHOUSE)),
            rule(HttpMethod.POST, "/api/sales-orders/*/deliver", EnumSet.of(ADMIN, MANAGER, WAREHOUSE)),
            rule(HttpMethod.POST, "/api/sales-orders/*/invoice", EnumSet.of(ADMIN, MANAGER, ACCOUNTANT, SALES)),
            rule(HttpMethod.POST, "/api/sales-orders/**", EnumSet.of(ADMIN, MANAGER, SALES)),
            rule(HttpMethod.GET, "/api/invoices/**", with(READ_ALL, ACCOUNTANT, SALES)),
            rule(HttpMethod.POST, "/api/invoices/**", EnumSet.of(ADMIN, ACCOUNTANT)),
            // Procure to pay
            rule(HttpMethod.GET, "/api/suppliers/**", with(READ_ALL, PURCHASING, ACCOUNTANT)),
            rule(HttpMethod.POST, "/api/suppliers/**", EnumSet.of(ADMIN, MANAGER, PURCHASING)),
            rule(HttpMethod.GET, "/api/purchase-orders/**", with(READ_ALL, PURCHASING, ACCOUNTANT, WAREHOUSE)),
            rule(HttpMethod.POST, "/api/purchase-orders/*/receive", EnumSet.of(ADMIN, PURCHASING, WAREHOUSE)),
            rule(HttpMethod.POST, "/api/purchase-orders/*/bill", EnumSet.of(ADMIN, ACCOUNTANT)),
            rule(HttpMethod.POST, "/api/purchase-orders/**", EnumSet.of(ADMIN, MANAGER, PURCHASING)),
            rule(HttpMethod.GET, "/api/bills/**", with(READ_ALL, ACCOUNTANT, PURCHASING)),
            rule(HttpMethod.POST, "/api/bills/**", EnumSet.of(ADMIN, ACCOUNTANT)),
            // Audit: auditors and administrators only; operations: administrators.
            // Lineage: from a journal entry or event to the command, user and document it began with.
            rule(HttpMethod.GET, "/api/audit/lineage/**", EnumSet.of(ADMIN, AUDITOR)),
            rule(HttpMethod.GET, "/api/audit/**", EnumSet.of(ADMIN, AUDITOR)),
            rule(HttpMethod.POST, "/api/admin/projections/*/replay", EnumSet.of(ADMIN)),
            rule(null, "/api/admin/**", EnumSet.of(ADMIN)));

    private AccessMatrix() {
    }

    /** One row: requests with this method (any when {@code null}) to paths matching the pattern. */
    public record Rule(HttpMethod method, String pathPattern, Set<Role> roles) {

        public Rule {
            roles = Set.copyOf(roles);
        }
    }

    private static Rule rule(HttpMethod method, String pathPattern, Set<Role> roles) {
        return new Rule(method, pathPattern, roles);
    }

    private static Set<Role> with(Set<Role> base, Role... more) {
        EnumSet<Role> roles = EnumSet.copyOf(base);
        roles.addAll(List.of(more));
        return roles;
    }
}
