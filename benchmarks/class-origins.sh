#!/usr/bin/env bash
# Where a cold start's classes above the floor come from: compares the class-loading logs that
# `./bhx bench cold-start -Dbench.coldStart.classLog=true` writes (benchmarks/target/cold-start/logs/*.classes)
# and counts the classes a function loads that the floor does not, by origin. Lambda-generated hidden
# classes are left out (their names differ from JVM to JVM). Usage: class-origins.sh FUNCTION.classes FLOOR.classes
set -euo pipefail
names() { grep -o '\] [^ ]* source' "$1" | awk '{print $2}' | grep -v 'Lambda' | sort -u; }
comm -13 <(names "$2") <(names "$1") | awk '
  /\.benchmarks\.probe\.shaded\./      { o["the runtime'"'"'s event deserialization (the probe'"'"'s Jackson)"]++; next }
  /^com\.fasterxml\.jackson\./         { o["the function'"'"'s Jackson"]++; next }
  /^com\.networknt\.|^org\.yaml\./     { o["OpenAPI request validation (json-schema-validator, SnakeYAML)"]++; next }
  /^software\.amazon\.awssdk\.services\.sqs\./ { o["the SQS client"]++; next }
  /^software\.amazon\.awssdk\./        { o["the rest of the AWS SDK (other DynamoDB calls, transactions)"]++; next }
  /^com\.amazonaws\./                  { o["aws-lambda-java-events"]++; next }
  /^com\.backhaulexchange\./           { o["the project'"'"'s own classes"]++; next }
  /^org\.crac\./                       { o["CRaC (SnapStart priming)"]++; next }
                                       { o["the JDK (reflection, text, time, collections)"]++ }
  END { for (k in o) { printf "%6d  %s\n", o[k], k; total += o[k] } printf "%6d  in all\n", total }' | sort -rn
