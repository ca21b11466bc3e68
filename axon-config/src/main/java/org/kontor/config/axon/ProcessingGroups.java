package org.kontor.config.axon;

import java.util.Map;
import java.util.TreeMap;
import org.axonframework.config.ProcessingGroup;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;

/**
 * The processing groups of the application's event handlers. Every handler here names its group,
 * and each group gets a processor of the same name, so these are also the processors' names.
 */
public final class ProcessingGroups {

    private ProcessingGroups() {
    }

    /** Each group's name with one of its handler types, by name. */
    public static Map<String, Class<?>> in(ApplicationContext context) {
        Map<String, Class<?>> groups = new TreeMap<>();
        for (String beanName : context.getBeanNamesForAnnotation(ProcessingGroup.class)) {
            Class<?> type = context.getType(beanName);
            ProcessingGroup group = type == null ? null : AnnotationUtils.findAnnotation(type, ProcessingGroup.class);
            if (group != null) {
                groups.putIfAbsent(group.value(), type);
            }
        }
        return groups;
    }
}
