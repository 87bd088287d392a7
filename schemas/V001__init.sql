-- The workflow database, in eCandidat's vocabulary (candidature, piece_justif,
-- pj_cand, fichier) so that results can feed it, plus what eCandidat lacks:
-- every stored file with its hash, the pre-check result of each pièce
-- version, the job queue and the outbox of notifications.
-- Portable between MariaDB >= 10.6 and MySQL >= 8.0 (SKIP LOCKED): no
-- RETURNING, no JSON type (reports are LONGTEXT), DATETIME(3) in UTC.

-- Pièce types, seeded from the policy (schemas/piece_types.json) at start.
CREATE TABLE piece_justif (
  code        VARCHAR(64)  NOT NULL PRIMARY KEY,
  label       VARCHAR(255) NOT NULL,
  max_bytes   BIGINT       NOT NULL,
  max_pages   INT          NOT NULL,
  formats     VARCHAR(64)  NOT NULL,          -- "pdf,jpeg,png"
  target_dpi  INT          NOT NULL,
  check_ine   TINYINT(1)   NOT NULL DEFAULT 0,
  conditional TINYINT(1)   NOT NULL DEFAULT 0  -- the candidate may answer « Non concerné »
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- type_statut: AT En attente, RE Réceptionné, IN Incomplet, CO Complet.
CREATE TABLE candidature (
  id          VARCHAR(64)  NOT NULL PRIMARY KEY,
  formation   VARCHAR(255) NOT NULL,
  ine         VARCHAR(16)  NULL,                -- declared by the candidate
  email       VARCHAR(255) NULL,                -- where status changes are sent
  status      CHAR(2)      NOT NULL DEFAULT 'AT',
  created_at  DATETIME(3)  NOT NULL,
  updated_at  DATETIME(3)  NOT NULL,
  CONSTRAINT candidature_status CHECK (status IN ('AT', 'RE', 'IN', 'CO'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- One row per candidature × pièce. type_statut_piece: AT En attente,
-- TR Transmise, VA Validée, RE Refusée, NC Non concerné.
CREATE TABLE pj_cand (
  candidature_id  VARCHAR(64) NOT NULL,
  piece_code      VARCHAR(64) NOT NULL,
  mandatory       TINYINT(1)  NOT NULL DEFAULT 1,
  position        INT         NOT NULL DEFAULT 0,  -- order on the cover page
  status          CHAR(2)     NOT NULL DEFAULT 'AT',
  comment         TEXT        NULL,
  current_version INT         NOT NULL DEFAULT 0,  -- 0: nothing uploaded yet
  updated_at      DATETIME(3) NOT NULL,
  PRIMARY KEY (candidature_id, piece_code),
  CONSTRAINT pj_cand_candidature FOREIGN KEY (candidature_id) REFERENCES candidature (id),
  CONSTRAINT pj_cand_piece FOREIGN KEY (piece_code) REFERENCES piece_justif (code),
  CONSTRAINT pj_cand_status CHECK (status IN ('AT', 'TR', 'VA', 'RE', 'NC'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Each upload of a pièce is a new version; a replacement never overwrites.
CREATE TABLE piece_version (
  id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidature_id VARCHAR(64) NOT NULL,
  piece_code     VARCHAR(64) NOT NULL,
  version        INT         NOT NULL,
  created_at     DATETIME(3) NOT NULL,
  UNIQUE KEY piece_version_number (candidature_id, piece_code, version),
  CONSTRAINT piece_version_pj FOREIGN KEY (candidature_id, piece_code)
    REFERENCES pj_cand (candidature_id, piece_code)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every stored file. The original name is data (messages, reports), never a
-- path: the bytes live under storage_key in the data directory.
CREATE TABLE fichier (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  piece_version_id BIGINT       NOT NULL,
  position         INT          NOT NULL,   -- upload order, the merge order
  original_name    VARCHAR(255) NOT NULL,
  size_bytes       BIGINT       NOT NULL,
  sniffed_type     VARCHAR(16)  NOT NULL,   -- pdf, jpeg, png
  sha256           CHAR(64)     NOT NULL,
  storage_key      VARCHAR(128) NOT NULL,
  created_at       DATETIME(3)  NOT NULL,
  UNIQUE KEY fichier_position (piece_version_id, position),
  CONSTRAINT fichier_version FOREIGN KEY (piece_version_id) REFERENCES piece_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The queue: one job per pièce version.
CREATE TABLE job (
  id               BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  piece_version_id BIGINT       NOT NULL,
  state            VARCHAR(12)  NOT NULL DEFAULT 'queued',  -- queued, running, done, poison
  attempts         INT          NOT NULL DEFAULT 0,         -- claims so far
  run_after        DATETIME(3)  NOT NULL,                   -- backoff after a failure
  locked_until     DATETIME(3)  NULL,                       -- the lease
  locked_by        VARCHAR(128) NULL,                       -- worker id holding it
  lease_token      CHAR(32)     NULL,                       -- only its holder may finish it
  last_error       TEXT         NULL,
  created_at       DATETIME(3)  NOT NULL,
  finished_at      DATETIME(3)  NULL,
  UNIQUE KEY job_version (piece_version_id),
  KEY job_claimable (state, run_after),
  CONSTRAINT job_piece_version FOREIGN KEY (piece_version_id) REFERENCES piece_version (id),
  CONSTRAINT job_state CHECK (state IN ('queued', 'running', 'done', 'poison'))
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Every execution a worker began, however it ended: the audit trail that
-- shows a job ran once, or why it ran again.
CREATE TABLE job_run (
  id         BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  job_id     BIGINT       NOT NULL,
  attempt    INT          NOT NULL,
  worker     VARCHAR(128) NOT NULL,
  started_at DATETIME(3)  NOT NULL,
  ended_at   DATETIME(3)  NULL,
  outcome    VARCHAR(16)  NULL,   -- done, crashed, timeout, lost_lease, released
  error      TEXT         NULL,
  KEY job_run_job (job_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- The pre-check of one pièce version: written once, with the job's end.
CREATE TABLE precheck (
  piece_version_id BIGINT       NOT NULL PRIMARY KEY,
  job_id           BIGINT       NOT NULL,
  outcome          VARCHAR(16)  NOT NULL,  -- accepted, refused, unprocessable
  reason           VARCHAR(16)  NULL,      -- the report's reason when refused
  ine_verdict      VARCHAR(16)  NULL,
  message          TEXT         NOT NULL,  -- French, for the candidate
  report           LONGTEXT     NULL,      -- the JSON report, as `dossier process` prints it
  output_key       VARCHAR(128) NULL,      -- the processed PDF in the data directory
  output_bytes     BIGINT       NULL,
  latency_ms       BIGINT       NOT NULL,  -- from upload to result
  created_at       DATETIME(3)  NOT NULL,
  KEY precheck_outcome (outcome),
  CONSTRAINT precheck_version FOREIGN KEY (piece_version_id) REFERENCES piece_version (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Idempotency-Key: a retried upload gets the first answer back.
CREATE TABLE upload_request (
  candidature_id   VARCHAR(64)  NOT NULL,
  idem_key         VARCHAR(128) NOT NULL,
  piece_code       VARCHAR(64)  NOT NULL,
  request_sha256   CHAR(64)     NOT NULL,  -- of the files' hashes: same key, other files is a conflict
  piece_version_id BIGINT       NOT NULL,
  response         LONGTEXT     NOT NULL,
  created_at       DATETIME(3)  NOT NULL,
  PRIMARY KEY (candidature_id, idem_key)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Notifications to send, written in the transaction of the change.
CREATE TABLE outbox (
  id              BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidature_id  VARCHAR(64)  NOT NULL,
  kind            VARCHAR(32)  NOT NULL,  -- candidature_status, piece_refused, …
  recipient       VARCHAR(255) NULL,
  subject         VARCHAR(255) NOT NULL,
  body            TEXT         NOT NULL,
  created_at      DATETIME(3)  NOT NULL,
  next_attempt_at DATETIME(3)  NOT NULL,
  attempts        INT          NOT NULL DEFAULT 0,
  sent_at         DATETIME(3)  NULL,
  last_error      TEXT         NULL,
  KEY outbox_pending (sent_at, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Processes of the service, for /readyz and the worker counts.
CREATE TABLE worker (
  id         VARCHAR(128) NOT NULL PRIMARY KEY,  -- host:pid:start
  role       VARCHAR(16)  NOT NULL,              -- server, supervisor, worker
  host       VARCHAR(255) NOT NULL,
  pid        INT          NOT NULL,
  started_at DATETIME(3)  NOT NULL,
  last_seen  DATETIME(3)  NOT NULL,
  KEY worker_seen (last_seen)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

-- Counters shared by every process (worker restarts, …) for /metrics.
CREATE TABLE counter (
  name  VARCHAR(64) NOT NULL PRIMARY KEY,
  value BIGINT      NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
