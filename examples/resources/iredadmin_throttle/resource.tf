resource "iredadmin_throttle" "example_outbound" {
  target    = "example.com"
  direction = "outbound"
  period    = 3600 # one hour
  max_msgs  = 100
  max_quota = 104857600 # 100 MB per hour
  msg_size  = 10485760  # 10 MB per message
}
