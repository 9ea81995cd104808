package org.jointcall.signature.keys;

import java.util.regex.Pattern;

/**
 * Agency codes as the signature module sees them: the lower-case code that appears in partner URLs
 * ({@code /api/v1/exchange/nsf/…}) and names a key directory. Kept as a plain checked string so the
 * module does not depend on the contracts module's richer identifier.
 */
final class AgencyCode {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9-]{0,31}");

    private AgencyCode() {
    }

    static String require(String agency) {
        if (agency == null || !CODE.matcher(agency).matches()) {
            throw new IllegalArgumentException("agency code '" + agency
                    + "' must be 1-32 lower-case letters, digits or hyphens starting with a letter, e.g. nsf or ukri");
        }
        return agency;
    }
}
