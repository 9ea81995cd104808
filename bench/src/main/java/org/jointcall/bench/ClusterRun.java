package org.jointcall.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.jointcall.bench.load.JointCallTraffic;
import org.jointcall.bench.load.MessageTemplates;
import org.jointcall.bench.load.OpenLoad;
import org.jointcall.bench.load.Owed;
import org.jointcall.bench.load.PartnerArrivals;
import org.jointcall.gateway.agency.AgencyAdapters;
import org.jointcall.gateway.it.GatewayProcess;
import org.jointcall.gateway.it.JointCallGateway;

/**
 * What {@code bench/cluster} runs: one PostgreSQL, two gateway instances on it on different ports (default
 * settings), four partner simulators; the joint-call mix goes alternately to one instance and the other, and
 * then it prints per instance how many deliveries it made ({@code delivery_attempt.instance_id}) and, counted
 * at the partners by message id, that nothing was lost or delivered twice. Exits 1 if either fails or if one
 * instance delivered nothing. Settings: {@code cluster.rate} (partner messages per second, 40),
 * {@code cluster.seconds} (20).
 */
public final class ClusterRun {

    private ClusterRun() {
    }

    public static void main(String[] args) {
        java.util.logging.Logger.getLogger("").setLevel(java.util.logging.Level.WARNING);
        boolean ok;
        try {
            ok = run(Double.parseDouble(System.getProperty("cluster.rate", "40")), Duration.ofSeconds(Long.getLong("cluster.seconds", 20)));
        } catch (Exception | AssertionError e) {
            e.printStackTrace();
            ok = false;
        }
        System.exit(ok ? 0 : 1);
    }

    private static boolean run(double rate, Duration duration) throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("gateway.it-logs"))).resolve("cluster-" + System.currentTimeMillis());
        PartnerArrivals arrivals = new PartnerArrivals();
        Report.progress("starting PostgreSQL, partners and instance A");
        try (JointCallGateway setup = JointCallGateway.measured("cluster-a", Files.createDirectories(work), Map.of(), arrivals)) {
            Report.progress("starting instance B on the same database");
            try (GatewayProcess second = setup.startAnotherInstance()) {
                List<GatewayProcess> instances = List.of(setup.gateway(), second);
                System.out.println("PostgreSQL: " + setup.database.url());
                for (int i = 0; i < instances.size(); i++) {
                    System.out.println("instance " + (char) ('A' + i) + ": http://localhost:" + instances.get(i).port()
                            + " (pid " + instances.get(i).pid() + ", log " + instances.get(i).log() + ")");
                }
                Report.progress(String.format("sending %.0f msg/s for %d s, alternately to A and B", rate, duration.toSeconds()));
                JointCallTraffic traffic = new JointCallTraffic("CLUSTER");
                OpenLoad load = new OpenLoad(setup.agencies, new MessageTemplates(new AgencyAdapters().registry()), 32);
                List<OpenLoad.Sent> sent = load.run(traffic, rate, duration, n -> instances.get(n % 2).uri(""));
                Duration settled = Owed.awaitSettled(setup.database, Duration.ofSeconds(120));
                DeliveryCount count = DeliveryCount.of(sent, Owed.read(setup.database, traffic.referencePrefix()), arrivals);

                System.out.println();
                System.out.printf("partner messages sent %d, accepted %d (202), all applied and delivered %.1f s after the load%n",
                        count.sent(), count.accepted(), settled.toMillis() / 1000.0);
                boolean bothDelivered = true;
                for (int i = 0; i < instances.size(); i++) {
                    GatewayProcess instance = instances.get(i);
                    List<String> deliveries = setup.database.column("SELECT count(*) FROM delivery_attempt"
                            + " WHERE outcome = 'DELIVERED' AND instance_id LIKE '%/" + instance.pid() + "'");
                    System.out.printf("instance %c (port %d): %s deliveries%n", (char) ('A' + i), instance.port(), deliveries.get(0));
                    bothDelivered &= !deliveries.get(0).equals("0");
                }
                System.out.println("joint outcomes: " + String.join(", ", setup.database.column(
                        "SELECT joint_status || ' ' || count(*) FROM joint_proposal GROUP BY joint_status ORDER BY 1")));
                System.out.printf("deliveries owed %d, lost %d, delivered twice (same message id accepted twice by a partner) %d%n",
                        count.owed(), count.lostDeliveries() + count.lostInbound(), count.duplicates());
                boolean ok = bothDelivered && count.lostDeliveries() == 0 && count.lostInbound() == 0 && count.duplicates() == 0
                        && count.accepted() == count.sent();
                System.out.println(ok ? "OK: both instances delivered, nothing lost, nothing delivered twice"
                        : "FAILED: see the counts above");
                return ok;
            }
        }
    }
}
