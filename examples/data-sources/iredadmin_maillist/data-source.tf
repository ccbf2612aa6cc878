data "iredadmin_maillist" "news" {
  email = "news@example.com"
}
