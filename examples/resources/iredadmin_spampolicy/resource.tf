resource "iredadmin_spampolicy" "example" {
  target                 = "example.com"
  quarantine_spam        = true
  prefix_spam_in_subject = true
  spam_score             = 5
}
