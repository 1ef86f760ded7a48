package io.motcrm.gateway.edge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TokenBucketTest {

    @Test
    void aFreshBucketAllowsItsBurstThenRefuses() {
        TokenBucket bucket = new TokenBucket(3, 1, 0);
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isZero();
        assertThat(bucket.take(0)).isEqualTo(1);
    }

    @Test
    void tokensComeBackAtTheRate() {
        TokenBucket bucket = new TokenBucket(2, 2, 0);
        bucket.take(0);
        bucket.take(0);
        assertThat(bucket.take(100)).isEqualTo(1);
        assertThat(bucket.take(500)).isZero();
        assertThat(bucket.take(500)).isEqualTo(1);
    }

    @Test
    void retryAfterCoversASlowRate() {
        TokenBucket bucket = new TokenBucket(1, 0.1, 0);
        bucket.take(0);
        assertThat(bucket.take(0)).isEqualTo(10);
        assertThat(bucket.take(5_000)).isEqualTo(5);
    }

    @Test
    void aBucketNeverHoldsMoreThanItsCapacity() {
        TokenBucket bucket = new TokenBucket(2, 100, 0);
        assertThat(bucket.isFull(60_000)).isTrue();
        bucket.take(60_000);
        bucket.take(60_000);
        assertThat(bucket.take(60_000)).isPositive();
    }

    @Test
    void aBucketWithoutCapacityOrRateIsAConfigurationError() {
        assertThatThrownBy(() -> new TokenBucket(0, 1, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new TokenBucket(1, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
