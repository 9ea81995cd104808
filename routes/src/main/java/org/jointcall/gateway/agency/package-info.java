/**
 * Who the gateway talks to and who it is: the partner agencies configured under
 * {@code gateway.config.dir} (mode, endpoint, public keys) and the gateway's own signing identity.
 * Other packages ask here instead of reading configuration files themselves.
 */
package org.jointcall.gateway.agency;
