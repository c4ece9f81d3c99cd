"""placeholder"""
class FootprintError(Exception):
  pass
