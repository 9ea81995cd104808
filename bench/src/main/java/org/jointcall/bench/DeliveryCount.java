package org.jointcall.bench;

import java.util.List;

import org.jointcall.bench.load.OpenLoad;
import org.jointcall.bench.load.Owed;
import org.jointcall.bench.load.PartnerArrivals;

/**
 * One load's messages checked end to end, by message id: what the gateway accepted (202) against its ledger,
 * and every outbox message those caused against what the partners accepted.
 *
 * @param sent messages the partners sent
 * @param accepted answered 202
 * @param lostInbound answered 202 but not in the ledger (must be 0)
 * @param owed outbox messages the accepted messages caused
 * @param lostDeliveries owed but never accepted by their partner (must be 0)
 * @param duplicates owed message ids a partner accepted more than once
 */
public record DeliveryCount(int sent, int accepted, int lostInbound, int owed, int lostDeliveries, long duplicates) {

    public static DeliveryCount of(List<OpenLoad.Sent> load, Owed owedForLoad, PartnerArrivals arrivals) {
        List<OpenLoad.Sent> accepted = load.stream().filter(OpenLoad.Sent::accepted).toList();
        int lostInbound = (int) accepted.stream().filter(sent -> !owedForLoad.inLedger().contains(sent.planned().messageId())).count();
        List<String> owed = owedForLoad.outboxMessages();
        int lost = (int) owed.stream().filter(id -> arrivals.arrival(id) == null).count();
        return new DeliveryCount(load.size(), accepted.size(), lostInbound, owed.size(), lost, arrivals.duplicatesAmong(owed));
    }
}
