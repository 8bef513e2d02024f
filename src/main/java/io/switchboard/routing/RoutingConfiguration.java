package io.switchboard.routing;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.SimpleAsyncTaskExecutor;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration
@EnableScheduling
@EnableAsync
@EnableConfigurationProperties(RoutingSettings.class)
class RoutingConfiguration {

    /**
     * Runs the asynchronous event listeners. The STOMP broker's executors make Boot back off from its
     * own, so name ours "taskExecutor" explicitly; virtual threads, as every listener mostly waits on the database.
     * A shutdown waits a little for listeners still running, so an event being handled is stored as handled rather
     * than handled again after the restart.
     */
    @Bean(name = "taskExecutor")
    SimpleAsyncTaskExecutor taskExecutor() {
        var executor = new SimpleAsyncTaskExecutor("routing-");
        executor.setVirtualThreads(true);
        executor.setTaskTerminationTimeout(10_000);
        return executor;
    }
}
