-- What the candidate page shows beside the pièces: the deadline eCandidat
-- set for the dossier, and the receipt of each transmission.

-- The last day to transmit, as eCandidat set it (shown, not enforced:
-- eCandidat closes the campaign itself). NULL: no deadline given.
ALTER TABLE candidature ADD COLUMN date_limite DATE NULL AFTER email;

-- The receipt (récépissé) of every transmission, written in the transaction
-- that moves the candidature to RE: what was sent, when, and the SHA-256 of
-- each pièce's processed PDF. A dossier transmitted again after IN gets one
-- more; none is ever changed. `body` is the receipt's JSON
-- (core/receipt/DepositReceipt.h), kept as written.
CREATE TABLE recepisse (
  id             BIGINT      NOT NULL AUTO_INCREMENT PRIMARY KEY,
  candidature_id VARCHAR(64) NOT NULL,
  transmitted_at DATETIME(3) NOT NULL,
  body           LONGTEXT    NOT NULL,
  KEY recepisse_candidature (candidature_id, id),
  CONSTRAINT recepisse_candidature FOREIGN KEY (candidature_id) REFERENCES candidature (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
