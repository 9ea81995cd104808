/** The console's audit trail: every state-changing console action, who did it and when. */
package org.jointcall.gateway.console.audit;
