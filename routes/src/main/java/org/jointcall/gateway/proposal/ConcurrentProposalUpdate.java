package org.jointcall.gateway.proposal;

import java.util.UUID;

/**
 * Another instance stored a change to the same joint proposal after this one read it. Nothing was
 * written; the caller reloads the proposal and applies its change again (the domain makes a repeated
 * or stale agency report harmless, so retrying is always safe).
 */
public class ConcurrentProposalUpdate extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final UUID jointId;
    private final long readVersion;

    public ConcurrentProposalUpdate(UUID jointId, long readVersion) {
        super("joint proposal " + jointId + " was changed by another instance after version " + readVersion
                + " was read; reload it and apply the change again");
        this.jointId = jointId;
        this.readVersion = readVersion;
    }

    public UUID jointId() {
        return jointId;
    }

    public long readVersion() {
        return readVersion;
    }
}
