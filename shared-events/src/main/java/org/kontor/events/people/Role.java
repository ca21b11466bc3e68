package org.kontor.events.people;

/**
 * What a person may do, by job. docs/security.md has the access matrix: which role reaches which
 * endpoint. A user may hold several roles.
 */
public enum Role {
    /** Everything, including users and operations. */
    ADMIN,
    /** Reads everything and works every business flow; no user administration. */
    MANAGER,
    /** Customers, leads, opportunities, activities and sales orders. */
    SALES,
    /** Customers, interactions and support cases. */
    SUPPORT,
    /** The ledger: journal entries, periods, reports; invoices and bills. */
    ACCOUNTANT,
    /** Products, warehouses and stock movements. */
    WAREHOUSE,
    /** Suppliers, purchase orders and goods receipts. */
    PURCHASING,
    /** Reads everything and verifies history; changes nothing. */
    AUDITOR,
    /** Reads business views and reports; changes nothing, no audit trail. */
    ANALYST
}
