ALTER TABLE "incidents" ADD COLUMN "started_at_quality" smallint GENERATED ALWAYS AS (case when instant_provenance -> 'started_at' ->> 'precision' = 'estimated' then 1
        when coalesce(instant_provenance -> 'started_at' ->> 'source', 'manual') = 'manual' then 2
        else 3 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "detected_at_quality" smallint GENERATED ALWAYS AS (case when instant_provenance -> 'detected_at' ->> 'precision' = 'estimated' then 1
        when coalesce(instant_provenance -> 'detected_at' ->> 'source', 'manual') = 'manual' then 2
        else 3 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "acknowledged_at_quality" smallint GENERATED ALWAYS AS (case when instant_provenance -> 'acknowledged_at' ->> 'precision' = 'estimated' then 1
        when coalesce(instant_provenance -> 'acknowledged_at' ->> 'source', 'manual') = 'manual' then 2
        else 3 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "mitigated_at_quality" smallint GENERATED ALWAYS AS (case when instant_provenance -> 'mitigated_at' ->> 'precision' = 'estimated' then 1
        when coalesce(instant_provenance -> 'mitigated_at' ->> 'source', 'manual') = 'manual' then 2
        else 3 end) STORED NOT NULL;--> statement-breakpoint
ALTER TABLE "incidents" ADD COLUMN "resolved_at_quality" smallint GENERATED ALWAYS AS (case when instant_provenance -> 'resolved_at' ->> 'precision' = 'estimated' then 1
        when coalesce(instant_provenance -> 'resolved_at' ->> 'source', 'manual') = 'manual' then 2
        else 3 end) STORED NOT NULL;--> statement-breakpoint
CREATE INDEX "incident_members_user_idx" ON "incident_members" USING btree ("user_id");