/**
 * A transport-neutral view of the HTTP messages that get signed: method, target URI, status, the
 * header fields in their original order and the body bytes. The servlet filter, the Camel processor
 * and the outbound HTTP client each build these views from their own types, so the signing code never
 * sees a servlet or Camel class.
 */
package org.jointcall.signature.message;
