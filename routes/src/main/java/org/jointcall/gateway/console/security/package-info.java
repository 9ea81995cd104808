/**
 * Who may use the console: users with PBKDF2 password hashes in PostgreSQL, a Jakarta Security
 * authentication mechanism (session after login, or HTTP Basic for scripts), the three roles, and
 * the CSRF token that every state-changing request made with the session cookie must carry.
 */
package org.jointcall.gateway.console.security;
