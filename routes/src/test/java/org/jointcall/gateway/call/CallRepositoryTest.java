package org.jointcall.gateway.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.jointcall.contracts.binding.CanonicalCodec;
import org.jointcall.contracts.call.CallTerms;
import org.jointcall.contracts.v1.JointCall;
import org.jointcall.gateway.it.TestDatabase;
import org.jointcall.gateway.persistence.SchemaMigration;
import org.jointcall.gateway.persistence.Transactions;
import org.junit.jupiter.api.Test;

/** Joint calls stored in and read back from a real PostgreSQL. */
class CallRepositoryTest {

    @Test
    void aDefinitionChangedInTheDatabaseIsReadAgainNotServedFromWhatWasParsedBefore() throws Exception {
        TestDatabase.Database database = TestDatabase.fresh("call_repository");
        SchemaMigration.migrate(database.dataSource());
        Transactions transactions = new Transactions(database.dataSource());
        CallRepository repository = new CallRepository();
        JointCall call;
        try (InputStream definition = getClass().getResourceAsStream("/delivery/calls/aspire-2026-quad.xml")) {
            call = new CanonicalCodec().callFromXml(definition.readAllBytes());
        }
        transactions.inTransaction(connection -> repository.save(connection, call));
        CallTerms first = transactions.inTransaction(connection -> repository.find(connection, call.getCallId())).orElseThrow();
        CallTerms again = transactions.inTransaction(connection -> repository.find(connection, call.getCallId())).orElseThrow();

        call.getDeadlines().setDecision(call.getDeadlines().getDecision().plusDays(30));
        // Another instance (here: another repository) stores the changed call.
        transactions.inTransaction(connection -> new CallRepository().save(connection, call));
        CallTerms changed = transactions.inTransaction(connection -> repository.find(connection, call.getCallId())).orElseThrow();

        assertThat(again).isSameAs(first);
        assertThat(changed.decisionDeadline()).isEqualTo(first.decisionDeadline().plusDays(30));
    }
}
