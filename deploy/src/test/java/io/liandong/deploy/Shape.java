package io.liandong.deploy;

/** How much redundancy an overlay must give. */
enum Shape {

    /** dev: one replica per service, one Kafka node, one PostgreSQL instance. */
    SINGLE_NODE,

    /** prod: three Kafka controllers and three brokers, replication 3 with two in sync, three
     *  PostgreSQL instances with a synchronous standby and backups, several replicas per service. */
    HIGHLY_AVAILABLE
}
