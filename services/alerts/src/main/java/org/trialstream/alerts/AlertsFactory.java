package org.trialstream.alerts;

import java.time.Clock;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

/** The clock and the MongoDB database the alerts live in. */
@Factory
class AlertsFactory {

    @Singleton
    Clock clock() {
        return Clock.systemUTC();
    }

    @Singleton
    @Bean(preDestroy = "close")
    MongoClient mongoClient(@Value("${trial.mongodb.uri}") String uri) {
        return MongoClients.create(uri);
    }

    @Singleton
    MongoDatabase database(MongoClient client, @Value("${trial.mongodb.database}") String database) {
        return client.getDatabase(database);
    }
}
