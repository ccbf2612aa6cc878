resource "iredadmin_maillist" "news" {
  email         = "news@example.com"
  name          = "Company news"
  access_policy = "moderatorsonly"
  moderators    = ["ceo@example.com"]
  members       = [iredadmin_user.jane.email, "bob@example.com"]
}
