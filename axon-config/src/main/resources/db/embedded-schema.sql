-- Tables of the embedded default (H2 in PostgreSQL mode). Axon's JDBC schema with its default names;
-- every statement is idempotent because it runs at every start.

CREATE TABLE IF NOT EXISTS DomainEventEntry (
    globalIndex BIGSERIAL NOT NULL,
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber BIGINT NOT NULL,
    type VARCHAR(255),
    eventIdentifier VARCHAR(255) NOT NULL,
    metaData BYTEA,
    payload BYTEA NOT NULL,
    payloadRevision VARCHAR(255),
    payloadType VARCHAR(255) NOT NULL,
    timeStamp VARCHAR(255) NOT NULL,
    PRIMARY KEY (globalIndex),
    UNIQUE (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

CREATE TABLE IF NOT EXISTS SnapshotEventEntry (
    aggregateIdentifier VARCHAR(255) NOT NULL,
    sequenceNumber BIGINT NOT NULL,
    type VARCHAR(255) NOT NULL,
    eventIdentifier VARCHAR(255) NOT NULL,
    metaData BYTEA,
    payload BYTEA NOT NULL,
    payloadRevision VARCHAR(255),
    payloadType VARCHAR(255) NOT NULL,
    timeStamp VARCHAR(255) NOT NULL,
    PRIMARY KEY (aggregateIdentifier, sequenceNumber),
    UNIQUE (eventIdentifier)
);

-- Tokens of the processors that are not projections (sagas): beside the state they track.
CREATE TABLE IF NOT EXISTS TokenEntry (
    processorName VARCHAR(255) NOT NULL,
    segment INTEGER NOT NULL,
    token BYTEA,
    tokenType VARCHAR(255),
    timestamp VARCHAR(255),
    owner VARCHAR(255),
    PRIMARY KEY (processorName, segment)
);

-- Sagas live in the same database, so a saga's state and its side effects commit together.
CREATE TABLE IF NOT EXISTS SagaEntry (
    sagaId VARCHAR(255) NOT NULL,
    revision VARCHAR(255),
    sagaType VARCHAR(255),
    serializedSaga BYTEA,
    PRIMARY KEY (sagaId)
);

CREATE TABLE IF NOT EXISTS AssociationValueEntry (
    id BIGSERIAL NOT NULL,
    associationKey VARCHAR(255) NOT NULL,
    associationValue VARCHAR(255),
    sagaType VARCHAR(255),
    sagaId VARCHAR(255) NOT NULL,
    PRIMARY KEY (id)
);

CREATE INDEX IF NOT EXISTS association_value_lookup
    ON AssociationValueEntry (sagaType, associationKey, associationValue);

-- Durable deadlines (db-scheduler): they survive a restart because they are rows, not timers.
CREATE TABLE IF NOT EXISTS scheduled_tasks (
    task_name VARCHAR(100) NOT NULL,
    task_instance VARCHAR(100) NOT NULL,
    task_data BYTEA,
    execution_time TIMESTAMP WITH TIME ZONE NOT NULL,
    picked BOOLEAN NOT NULL,
    picked_by VARCHAR(50),
    last_success TIMESTAMP WITH TIME ZONE,
    last_failure TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat TIMESTAMP WITH TIME ZONE,
    version BIGINT NOT NULL,
    priority SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);

CREATE INDEX IF NOT EXISTS scheduled_tasks_execution_time ON scheduled_tasks (execution_time);

-- The audit hash chain (org.kontor.command.audit): one link per stored event, in the order the
-- linker read them (chainPosition, dense from 1), each naming the event it covers (globalIndex) and
-- holding SHA-256(the event's stored columns, the previous link's hash). eventDay is the UTC day of
-- the event's timestamp: the daily digests are the hash of each day's last link.
CREATE TABLE IF NOT EXISTS AuditChainLink (
    chainPosition BIGINT NOT NULL,
    globalIndex BIGINT NOT NULL,
    eventDay DATE NOT NULL,
    hash VARCHAR(64) NOT NULL,
    PRIMARY KEY (chainPosition),
    UNIQUE (globalIndex)
);

CREATE INDEX IF NOT EXISTS audit_chain_link_day ON AuditChainLink (eventDay);
