package org.letterdesk.command.sender;

import org.letterdesk.personaldata.PersonalDataMask;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * Encrypts one personal field with the JDK's AES-GCM (random 96-bit nonce, 128-bit tag, the key id as associated
 * data). A stored value reads {@code ENC1:<keyId>:<base64(nonce ‖ ciphertext)>}, so it names its own key; once the
 * key is destroyed it decrypts to {@link PersonalDataMask#ERASED}.
 */
public final class PersonalDataCipher {

    public static final String PREFIX = "ENC1:";
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A cipher per thread, initialised anew (key, fresh nonce) for each value: looking it up was the dear part. */
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance("AES/GCM/NoPadding");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is always available", e);
        }
    });

    private final SenderKeys keys;

    public PersonalDataCipher(SenderKeys keys) {
        this.keys = keys;
    }

    public static boolean isEncrypted(String value) {
        return value != null && value.startsWith(PREFIX);
    }

    public String encrypt(String keyId, String clear) {
        if (clear == null || isEncrypted(clear)) {
            return clear;
        }
        try {
            byte[] nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.ENCRYPT_MODE, keys.keyFor(keyId), new GCMParameterSpec(128, nonce));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(clear.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return PREFIX + keyId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        }
    }

    /** The clear value; {@code [已删除]} when its key was destroyed; a value that is not encrypted as it is. */
    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            return stored;
        }
        int split = stored.indexOf(':', PREFIX.length());
        String keyId = stored.substring(PREFIX.length(), split);
        Optional<SecretKey> key = keys.find(keyId);
        if (key.isEmpty()) {
            return PersonalDataMask.ERASED;
        }
        try {
            byte[] in = Base64.getDecoder().decode(stored.substring(split + 1));
            Cipher cipher = CIPHERS.get();
            cipher.init(Cipher.DECRYPT_MODE, key.get(), new GCMParameterSpec(128, in, 0, 12));
            cipher.updateAAD(keyId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, 12, in.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A personal field under key " + keyId + " does not decrypt", e);
        }
    }
}
