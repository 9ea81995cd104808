/**
 * Read models of the console, one query class per view (calls overview, matrix, proposal, exchange log,
 * dead letters, alerts), over the tables the exchange writes. Long lists are keyset-paginated with an
 * opaque {@link org.jointcall.gateway.console.query.Cursor}: a page costs the same at row 10 and at row 1,000,000.
 */
package org.jointcall.gateway.console.query;
