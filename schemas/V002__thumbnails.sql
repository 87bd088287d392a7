-- The preview of a processed pièce that the web pages show: page 1 of the
-- processed PDF as a small JPEG, rendered by the job child beside the PDF and
-- stored under results/ like it. NULL when refused, unprocessable, or when
-- the preview could not be made (the pièce itself is not affected).
ALTER TABLE precheck ADD COLUMN thumbnail_key VARCHAR(128) NULL AFTER output_bytes;
