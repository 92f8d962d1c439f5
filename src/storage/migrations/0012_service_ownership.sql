ALTER TABLE "services" ADD COLUMN "team" text;--> statement-breakpoint
ALTER TABLE "services" ADD COLUMN "owner_user_id" uuid;--> statement-breakpoint
ALTER TABLE "services" ADD CONSTRAINT "services_owner_user_id_users_id_fk" FOREIGN KEY ("owner_user_id") REFERENCES "public"."users"("id") ON DELETE set null ON UPDATE no action;