package org.letterdesk.app.eventstore;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.support.DefaultListableBeanFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotationAwareOrderComparator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The start-up order: every step that may rewrite pre-chain events, in their order, then the checkpoint. */
class HashChainStartTest {

    private final List<String> done = new ArrayList<>();

    @Test
    void stepsBeforeTheChainRunInOrderBeforeTheCheckpointAndAppendsAreChainedOnlyAfterIt() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.setDependencyComparator(AnnotationAwareOrderComparator.INSTANCE);
        beans.registerSingleton("late", new Step("re-encryption", 2));
        beans.registerSingleton("early", new Step("key migration", 1));
        HashChain chain = new HashChain(true, beans.getBeanProvider(BeforeHashChain.class),
                new ChainVerifier(null, Duration.ofMinutes(1)) {
                    @Override
                    int checkpoint() {
                        done.add("checkpoint, chained: " + chainOf.started());
                        return 0;
                    }
                });
        chainOf = chain;

        chain.afterSingletonsInstantiated();

        assertThat(done).containsExactly("key migration, chained: false", "re-encryption, chained: false",
                "checkpoint, chained: false");
        assertThat(chain.started()).isTrue();
    }

    @Test
    void switchedOffNothingRunsAndNothingIsChained() {
        DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
        beans.registerSingleton("step", new Step("re-encryption", 1));
        HashChain chain = new HashChain(false, beans.getBeanProvider(BeforeHashChain.class),
                new ChainVerifier(null, Duration.ofMinutes(1)) {
                    @Override
                    int checkpoint() {
                        done.add("checkpoint");
                        return 0;
                    }
                });
        chain.afterSingletonsInstantiated();
        assertThat(done).isEmpty();
        assertThat(chain.started()).isFalse();
    }

    private HashChain chainOf;
    private boolean chainStarted;

    private final class Step implements BeforeHashChain, Ordered {
        private final String name;
        private final int order;

        Step(String name, int order) {
            this.name = name;
            this.order = order;
        }

        @Override
        public void run() {
            chainStarted = chainOf != null && chainOf.started();
            done.add(name + ", chained: " + chainStarted);
        }

        @Override
        public int getOrder() {
            return order;
        }
    }
}
