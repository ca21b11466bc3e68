package org.kontor.config.axon;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The processing groups that only keep read models, registered by the query side's configuration
 * while the processors are configured. Only these may be rebuilt: the other processors send commands
 * or link the audit chain, and replaying them would act on past events again.
 */
@Component
public class ReadModels {

    private final Set<String> names = ConcurrentHashMap.newKeySet();

    public void register(String processingGroup) {
        names.add(processingGroup);
    }

    boolean contains(String processingGroup) {
        return names.contains(processingGroup);
    }
}
