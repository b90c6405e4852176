package org.letterdesk.query.rebuild;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Actuator metric {@code letterdesk.projection.lag}: how many events of the store a read-model processor has not
 * handled yet, per processor. Read at scrape time.
 */
@Component
class ProjectionLagMetrics implements SmartInitializingSingleton {

    private final MeterRegistry registry;
    private final ReadModelRebuild rebuild;

    ProjectionLagMetrics(MeterRegistry registry, ReadModelRebuild rebuild) {
        this.registry = registry;
        this.rebuild = rebuild;
    }

    @Override
    public void afterSingletonsInstantiated() {
        for (String processor : ReadModelRebuild.PROCESSORS) {
            Gauge.builder("letterdesk.projection.lag", rebuild, r -> r.lag(processor))
                    .description("Events in the event store not yet applied to the read models")
                    .baseUnit("events")
                    .tag("processor", processor)
                    .register(registry);
        }
    }
}
